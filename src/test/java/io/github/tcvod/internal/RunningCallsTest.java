package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunningCallsTest {
  private static Set<Object> seen(RunningCalls<Object> calls) {
    Set<Object> seen = new HashSet<>();
    for (Object call : calls) {
      assertTrue(seen.add(call), "seen twice: " + call);
    }
    return seen;
  }

  @Test
  void everyCallAddedIsSeenUntilRemovedAlsoBeyondTheSlots() {
    RunningCalls<Object> calls = new RunningCalls<>();
    assertFalse(calls.iterator().hasNext());
    assertThrows(NoSuchElementException.class, () -> calls.iterator().next());
    // One thread's calls: its slots first, then the set.
    List<Object> added = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < RunningCalls.PROBES + 5; i++) {
      Object call = "call " + i;
      added.add(call);
      where.add(calls.add(call));
    }
    assertEquals(RunningCalls.PROBES, where.stream().filter(w -> w != RunningCalls.IN_SET).distinct().count());
    assertEquals(5, where.stream().filter(w -> w == RunningCalls.IN_SET).count());
    assertEquals(new HashSet<>(added), seen(calls));
    // Remove one in a slot and one in the set: the others stay; a freed slot is taken again.
    calls.remove(added.get(3), where.get(3));
    calls.remove(added.get(RunningCalls.PROBES + 1), where.get(RunningCalls.PROBES + 1));
    Set<Object> expected = new HashSet<>(added);
    expected.remove(added.get(3));
    expected.remove(added.get(RunningCalls.PROBES + 1));
    assertEquals(expected, seen(calls));
    Object again = "again";
    assertEquals(where.get(3), calls.add(again));
    expected.add(again);
    assertEquals(expected, seen(calls));
    for (int i = 0; i < added.size(); i++) {
      calls.remove(added.get(i), where.get(i));
    }
    calls.remove(again, where.get(3));
    assertFalse(calls.iterator().hasNext());
  }

  @Test
  void threadsStartFromSlotsOfTheirOwn() throws Exception {
    RunningCalls<Object> calls = new RunningCalls<>();
    AtomicReference<Integer> other = new AtomicReference<>();
    int mine = calls.add("mine");
    Thread thread = new Thread(() -> other.set(calls.add("other")));
    thread.start();
    thread.join();
    assertNotEquals(RunningCalls.IN_SET, mine);
    assertNotEquals(RunningCalls.IN_SET, (int) other.get());
    assertNotEquals(mine, (int) other.get());
    // Sixteen references apart (a cache line) per thread id, unless that slot is the first thread's.
    int own = ((int) thread.getId() * 16) & (RunningCalls.SLOTS - 1);
    assertEquals(own == mine ? own + 1 : own, (int) other.get());
    assertEquals(((int) Thread.currentThread().getId() * 16) & (RunningCalls.SLOTS - 1), mine);
    assertEquals(Set.of("mine", "other"), seen(calls));
  }

  /** Calls added and removed on many threads at once: an iteration sees every call that stays throughout. */
  @Test
  void concurrentCallsNeverHideOneThatStays() throws Exception {
    RunningCalls<Object> calls = new RunningCalls<>();
    int threads = 8;
    List<Object> staying = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    CountDownLatch stop = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      Object stays = "stays " + t;
      staying.add(stays);
      Thread worker = new Thread(() -> {
        try {
          int where = calls.add(stays);
          start.await();
          while (stop.getCount() > 0) {
            Object passing = new Object();
            int at = calls.add(passing);
            calls.remove(passing, at);
          }
          calls.remove(stays, where);
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      workers.add(worker);
      worker.start();
    }
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      start.await();
      for (int i = 0; i < 2_000; i++) {
        Set<Object> seen = new HashSet<>();
        for (Iterator<Object> it = calls.iterator(); it.hasNext(); ) {
          seen.add(it.next());
        }
        assertTrue(seen.containsAll(staying), "iteration " + i + " missed one of " + staying);
      }
      stop.countDown();
      for (Thread worker : workers) {
        worker.join();
      }
    });
    assertEquals(null, failure.get());
    assertEquals(Set.of(), seen(calls));
  }
}
