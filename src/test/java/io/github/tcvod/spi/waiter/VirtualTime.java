package io.github.tcvod.spi.waiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for tests: sleeping and scheduled delays advance a virtual clock at once instead of
 * waiting, and every delay is recorded. {@link #clock()} shows the same time as a
 * {@link java.time.Clock}, e.g. for the emulator's tasks, so that they progress as the waiter sleeps.
 * With {@link #holdScheduledTasks()} scheduled tasks wait until {@link #runScheduled()}.
 */
public final class VirtualTime implements WaiterTime {
  private static final Instant EPOCH = Instant.parse("2026-11-24T07:00:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private final List<Long> delays = new CopyOnWriteArrayList<>();
  private final List<Runnable> held = new ArrayList<>();
  private final List<CompletableFuture<Void>> heldHandles = new ArrayList<>();
  private volatile boolean hold;

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(long delay) {
    delays.add(delay);
    nanos.addAndGet(delay);
  }

  @Override
  public Future<?> schedule(Runnable task, long delay) {
    delays.add(delay);
    CompletableFuture<Void> handle = new CompletableFuture<>();
    if (hold) {
      synchronized (held) {
        nanos.addAndGet(delay);
        held.add(task);
        heldHandles.add(handle);
      }
      return handle;
    }
    nanos.addAndGet(delay);
    task.run();
    handle.complete(null);
    return handle;
  }

  /** Keeps scheduled tasks until {@link #runScheduled()} instead of running them at once. */
  public VirtualTime holdScheduledTasks() {
    hold = true;
    return this;
  }

  /** @return how many held tasks were run; cancelled ones are skipped */
  public int runScheduled() {
    List<Runnable> tasks;
    List<CompletableFuture<Void>> handles;
    synchronized (held) {
      tasks = new ArrayList<>(held);
      handles = new ArrayList<>(heldHandles);
      held.clear();
      heldHandles.clear();
    }
    int ran = 0;
    for (int i = 0; i < tasks.size(); i++) {
      if (!handles.get(i).isCancelled()) {
        tasks.get(i).run();
        ran++;
      }
    }
    return ran;
  }

  /** @return the number of tasks held and not yet cancelled */
  public int pendingScheduled() {
    synchronized (held) {
      return (int) heldHandles.stream().filter(h -> !h.isCancelled()).count();
    }
  }

  /** @param duration how far to move the clock */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** @return every delay slept or scheduled, in nanoseconds, in order */
  public List<Long> delays() {
    return new ArrayList<>(delays);
  }

  /** @return the virtual time elapsed */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }

  /** @return this time as a UTC clock starting at 2026-11-24T07:00:00Z */
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return EPOCH.plusNanos(nanos.get());
      }
    };
  }
}
