package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;

/** Schedules a task on a client's scheduler thread; the watchdogs of attempts and socket writes use it. */
@InternalApi
@FunctionalInterface
public interface TaskScheduler {
  /**
   * @param task what to run
   * @param delayNanos in how long, at least 0
   * @return whether the task was scheduled: false once the client is closed, which ends every call
   */
  boolean schedule(Runnable task, long delayNanos);
}
