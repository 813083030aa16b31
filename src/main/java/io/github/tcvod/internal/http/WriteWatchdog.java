package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.internal.DeadlineSweeper;
import io.github.tcvod.internal.TaskScheduler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Ends a socket write of the SDK's own HTTP client that blocks longer than its write timeout, as
 * OkHttp's write timeout would, without Okio's {@code AsyncTimeout}: that puts every write into a
 * queue behind one lock for the whole JVM and, whenever the queue was empty, wakes Okio's watchdog
 * thread (with OkHttp 5 on four threads, 7% of a call's CPU). Here a write only notes when it
 * started, and a {@link DeadlineSweeper} closes the sockets whose write has taken longer; the
 * blocked write then fails as a timeout. A client without writes under way schedules nothing.
 */
@InternalApi
public final class WriteWatchdog {
  private final long timeoutNanos;
  private final Set<DeadlineSweeper.Watched> sockets = ConcurrentHashMap.newKeySet();
  private final DeadlineSweeper sweeper;

  /**
   * @param timeoutNanos the longest a write may block, positive
   * @param nanoTime the monotonic clock of the writes
   */
  public WriteWatchdog(long timeoutNanos, LongSupplier nanoTime) {
    this.timeoutNanos = timeoutNanos;
    this.sweeper = new DeadlineSweeper(sockets, nanoTime);
  }

  /**
   * @param scheduler the client's scheduler, which runs the sweeps (until then, and once it
   *     refuses because the client is closed, writes are not watched: closing ends the calls)
   */
  public void bind(TaskScheduler scheduler) {
    sweeper.bind(scheduler);
  }

  /** @return the write timeout */
  public long timeoutNanos() {
    return timeoutNanos;
  }

  /** @return the deadline of a write starting now */
  long deadlineFromNow() {
    return sweeper.now() + timeoutNanos;
  }

  /** @param socket a new socket of the client, watched until {@link #forget} */
  void watch(DeadlineSweeper.Watched socket) {
    sockets.add(socket);
  }

  /** @param socket a closed socket */
  void forget(DeadlineSweeper.Watched socket) {
    sockets.remove(socket);
  }

  /** @return the sockets watched (for tests: closed ones are forgotten) */
  int size() {
    return sockets.size();
  }

  /**
   * Makes sure a sweep will look at a write whose deadline its socket already shows.
   *
   * @param deadline the write's deadline
   */
  void writing(long deadline) {
    sweeper.watch(deadline);
  }
}
