package io.github.tcvod.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The calls under way of one client, for close() and the attempt watchdog to look at. Every call
 * is added and removed, so this is on every call's path: a call takes a free slot near its thread's
 * own (one compare-and-set on a cache line that, for a thread making one call after another, no
 * other thread writes), where a concurrent set allocates a node, writes a shared counter and locks
 * a bin. Calls beyond the slots near a thread's (many asynchronous calls from one thread) go to a
 * concurrent set.
 *
 * <p>Iteration is weakly consistent: it sees every call added before it starts and not removed
 * before it ends, and may see a call removed meanwhile, which is why ending an ended call must do
 * nothing.
 *
 * @param <T> the calls
 */
final class RunningCalls<T> implements Iterable<T> {
  /** A power of two. */
  static final int SLOTS = 256;
  /** Slots apart of two threads' first slots: 64 bytes of references. */
  private static final int SPREAD = 16;
  /** Slots a call tries, from its thread's first, before it goes to the set. */
  static final int PROBES = 16;
  /** What {@link #add} returns for a call in the set. */
  static final int IN_SET = -1;

  private final AtomicReferenceArray<T> slots = new AtomicReferenceArray<>(SLOTS);
  private final Set<T> overflow = ConcurrentHashMap.newKeySet();

  /**
   * @param call a call not yet added
   * @return where it went, to give to {@link #remove}
   */
  int add(T call) {
    int first = (int) Thread.currentThread().getId() * SPREAD;
    for (int i = 0; i < PROBES; i++) {
      int slot = (first + i) & (SLOTS - 1);
      if (slots.get(slot) == null && slots.compareAndSet(slot, null, call)) {
        return slot;
      }
    }
    overflow.add(call);
    return IN_SET;
  }

  /**
   * @param call a call added
   * @param where what {@link #add} returned for it
   */
  void remove(T call, int where) {
    if (where == IN_SET) {
      overflow.remove(call);
    } else {
      // Lazily: an iteration that still sees the call finds it ended, which it must take anyway.
      slots.lazySet(where, null);
    }
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<T> inSet = overflow.iterator();
    return new Iterator<T>() {
      private int slot;
      private T next = advance();

      private T advance() {
        while (slot < SLOTS) {
          T call = slots.get(slot++);
          if (call != null) {
            return call;
          }
        }
        return inSet.hasNext() ? inSet.next() : null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public T next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        T call = next;
        next = advance();
        return call;
      }
    };
  }
}
