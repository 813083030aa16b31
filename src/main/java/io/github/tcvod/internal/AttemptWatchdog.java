package io.github.tcvod.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import okhttp3.Call;

/**
 * Ends every synchronous attempt that outlives the client's time limit per attempt ({@code callTimeout}),
 * as OkHttp's own call timeout would, but without its cost on each call: OkHttp puts every call
 * with a timeout into Okio's {@code AsyncTimeout} queue, a list sorted by deadline behind one lock
 * for the whole JVM, and takes it out again, so concurrent calls queue for that lock and a call's
 * entry walks past the entries of all others. Here an attempt only notes its deadline, and one
 * task, scheduled at the earliest deadline under way, cancels the attempts whose deadline has passed
 * and schedules itself again for the next one.
 */
final class AttemptWatchdog {
  /** A call under way, as the watchdog sees it. */
  interface Watched {
    /** @return the attempt under way with its deadline, or null between attempts and for calls it does not watch */
    TimedAttempt timedAttempt();
  }

  /** One attempt: its HTTP call and its deadline; whether the watchdog cancelled it. */
  static final class TimedAttempt {
    final Call call;
    final long deadline;
    private volatile boolean expired;

    TimedAttempt(Call call, long deadline) {
      this.call = call;
      this.deadline = deadline;
    }

    /** Cancelling a call that has ended meanwhile does nothing: the very call past its deadline is cancelled. */
    void expire() {
      expired = true;
      call.cancel();
    }

    /**
     * @param failure how the attempt failed
     * @return the failure as OkHttp's own call timeout reports it when the watchdog ended the attempt, else itself
     */
    IOException reported(IOException failure) {
      if (!expired) {
        return failure;
      }
      InterruptedIOException timeout = new InterruptedIOException("timeout");
      timeout.initCause(failure);
      return timeout;
    }
  }

  /** Schedules a task; returns false when it cannot, once the client is closed (which ends every call). */
  interface Scheduler {
    /**
     * @param task what to run
     * @param delayNanos in how long, at least 0
     * @return whether the task was scheduled
     */
    boolean schedule(Runnable task, long delayNanos);
  }

  private final long limitNanos;
  private final Iterable<? extends Watched> running;
  private final Scheduler scheduler;
  private final LongSupplier nanoTime;
  /** Whether a sweep is scheduled; calls only read it while one is. */
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * @param limitNanos the longest an attempt may take, positive
   * @param running the calls under way
   * @param scheduler runs the sweeps
   * @param nanoTime the monotonic clock of the deadlines
   */
  AttemptWatchdog(long limitNanos, Iterable<? extends Watched> running, Scheduler scheduler, LongSupplier nanoTime) {
    this.limitNanos = limitNanos;
    this.running = running;
    this.scheduler = scheduler;
    this.nanoTime = nanoTime;
  }

  /** @return the deadline of an attempt starting now */
  long deadlineFromNow() {
    return Durations.saturatedAdd(nanoTime.getAsLong(), limitNanos);
  }

  /**
   * Makes sure a sweep will look at an attempt whose deadline is already visible to it.
   *
   * @param deadline the attempt's deadline
   */
  void watch(long deadline) {
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      scheduleAt(deadline);
    }
  }

  private void scheduleAt(long deadline) {
    if (!scheduler.schedule(this::sweep, Math.max(0, deadline - nanoTime.getAsLong()))) {
      scheduled.set(false);
    }
  }

  /**
   * Expires the attempts past their deadline and schedules the next sweep at the earliest deadline
   * left. The flag is cleared before the look at the attempts: an attempt that notes its deadline
   * after the look finds it cleared and schedules a sweep itself.
   */
  void sweep() {
    scheduled.set(false);
    long now = nanoTime.getAsLong();
    boolean any = false;
    long next = 0;
    for (Watched run : running) {
      TimedAttempt attempt = run.timedAttempt();
      if (attempt == null) {
        continue;
      }
      if (attempt.deadline - now <= 0) {
        attempt.expire();
      } else if (!any || attempt.deadline - next < 0) {
        any = true;
        next = attempt.deadline;
      }
    }
    if (any) {
      watch(next);
    }
  }
}
