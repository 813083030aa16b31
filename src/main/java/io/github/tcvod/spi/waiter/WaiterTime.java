package io.github.tcvod.spi.waiter;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The time a waiter runs in: a clock, a sleep and a scheduler, so that tests can run it on virtual time. */
public interface WaiterTime {
  /** @return a monotonic time in nanoseconds */
  long nanoTime();

  /**
   * Blocks the calling thread.
   *
   * @param nanos how long; positive
   * @throws InterruptedException when the thread is interrupted
   */
  void sleep(long nanos) throws InterruptedException;

  /**
   * Runs a task later, on some thread.
   *
   * @param task what to run
   * @param delayNanos after how long
   * @return a handle whose {@code cancel} prevents the run if it has not started
   */
  Future<?> schedule(Runnable task, long delayNanos);

  /** @return the system's clock and sleep, and one shared daemon thread for delayed polls */
  static WaiterTime system() {
    return SystemTime.INSTANCE;
  }

  /** The real time. */
  final class SystemTime implements WaiterTime {
    static final SystemTime INSTANCE = new SystemTime();

    private volatile ScheduledThreadPoolExecutor scheduler;

    private SystemTime() {
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public Future<?> schedule(Runnable task, long delayNanos) {
      return scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    // Only delays run here (a poll itself is asynchronous), so one daemon thread serves every client.
    private ScheduledThreadPoolExecutor scheduler() {
      ScheduledThreadPoolExecutor current = scheduler;
      if (current == null) {
        synchronized (this) {
          current = scheduler;
          if (current == null) {
            current = new ScheduledThreadPoolExecutor(1, runnable -> {
              Thread thread = new Thread(runnable, "tcvod-waiter-scheduler");
              thread.setDaemon(true);
              return thread;
            });
            current.setRemoveOnCancelPolicy(true);
            scheduler = current;
          }
        }
      }
      return current;
    }
  }
}
