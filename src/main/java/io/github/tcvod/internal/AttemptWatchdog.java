package io.github.tcvod.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.LongSupplier;
import okhttp3.Call;

/**
 * Ends every synchronous attempt that outlives the client's time limit per attempt ({@code callTimeout}),
 * as OkHttp's own call timeout would, but without its cost on each call: OkHttp puts every call
 * with a timeout into Okio's {@code AsyncTimeout} queue, a list sorted by deadline behind one lock
 * for the whole JVM, and takes it out again, so concurrent calls queue for that lock and a call's
 * entry walks past the entries of all others. Here an attempt only notes its deadline, and a
 * {@link DeadlineSweeper} cancels the attempts whose deadline has passed.
 */
final class AttemptWatchdog {
  /** A call under way, as the watchdog sees it. */
  interface Watched extends DeadlineSweeper.Watched {
    /** @return the attempt under way with its deadline, or null between attempts and for calls it does not watch */
    TimedAttempt timedAttempt();

    @Override
    default long deadline() {
      TimedAttempt attempt = timedAttempt();
      return attempt == null ? DeadlineSweeper.NONE : attempt.deadline;
    }

    /** Cancelling a call that has ended meanwhile does nothing; a later attempt has a later deadline. */
    @Override
    default void expire(long deadline) {
      TimedAttempt attempt = timedAttempt();
      if (attempt != null && attempt.deadline == deadline) {
        attempt.expire();
      }
    }
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

  private final long limitNanos;
  private final DeadlineSweeper sweeper;

  /**
   * @param limitNanos the longest an attempt may take, positive
   * @param running the calls under way
   * @param scheduler runs the sweeps
   * @param nanoTime the monotonic clock of the deadlines
   */
  AttemptWatchdog(long limitNanos, Iterable<? extends Watched> running, TaskScheduler scheduler, LongSupplier nanoTime) {
    this.limitNanos = limitNanos;
    this.sweeper = new DeadlineSweeper(running, nanoTime);
    sweeper.bind(scheduler);
  }

  /** @return the deadline of an attempt starting now */
  long deadlineFromNow() {
    return Durations.saturatedAdd(sweeper.now(), limitNanos);
  }

  /**
   * Makes sure a sweep will look at an attempt whose deadline is already visible to it.
   *
   * @param deadline the attempt's deadline
   */
  void watch(long deadline) {
    sweeper.watch(deadline);
  }
}
