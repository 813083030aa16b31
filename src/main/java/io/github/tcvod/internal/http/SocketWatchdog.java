package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.internal.DeadlineSweeper;
import io.github.tcvod.internal.TaskScheduler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Ends a socket read or write of the SDK's own HTTP client that blocks longer than its timeout, as
 * OkHttp's read and write timeouts would, without their cost on each call. OkHttp keeps them with
 * Okio's {@code AsyncTimeout}, which puts every read and write into a queue behind one lock for the
 * whole JVM and, whenever the queue was empty, wakes Okio's watchdog thread (with OkHttp 5 on four
 * threads, a write's alone was 7% of a call's CPU), and gives the socket the read timeout as
 * {@code SO_TIMEOUT}, with which the JDK reads in non-blocking mode and polls before each read
 * that would wait (two more system calls per answer; on the loopback benchmark about 8-12 us of a
 * call's CPU on this machine). Here each read and write only notes when it started, on a socket
 * in blocking mode, and a {@link DeadlineSweeper} closes the sockets whose read or write has taken
 * longer; the blocked read or write then fails as a timeout. A client without reads or writes
 * under way schedules nothing.
 */
@InternalApi
public final class SocketWatchdog {
  private final long readTimeoutNanos;
  private final long writeTimeoutNanos;
  private final Set<DeadlineSweeper.Watched> sockets = ConcurrentHashMap.newKeySet();
  private final DeadlineSweeper sweeper;

  /**
   * @param readTimeoutNanos the longest a read may block, positive
   * @param writeTimeoutNanos the longest a write may block, positive
   * @param nanoTime the monotonic clock of the reads and writes
   */
  public SocketWatchdog(long readTimeoutNanos, long writeTimeoutNanos, LongSupplier nanoTime) {
    this.readTimeoutNanos = readTimeoutNanos;
    this.writeTimeoutNanos = writeTimeoutNanos;
    this.sweeper = new DeadlineSweeper(sockets, nanoTime);
  }

  /**
   * @param scheduler the client's scheduler, which runs the sweeps (until then, and once it
   *     refuses because the client is closed, reads and writes are not watched: closing ends the calls)
   */
  public void bind(TaskScheduler scheduler) {
    sweeper.bind(scheduler);
  }

  /** @return the read timeout */
  public long readTimeoutNanos() {
    return readTimeoutNanos;
  }

  /** @return the write timeout */
  public long writeTimeoutNanos() {
    return writeTimeoutNanos;
  }

  /** @return the deadline of a read starting now */
  long readDeadlineFromNow() {
    return sweeper.now() + readTimeoutNanos;
  }

  /** @return the deadline of a write starting now */
  long writeDeadlineFromNow() {
    return sweeper.now() + writeTimeoutNanos;
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
   * Makes sure a sweep will look at a read or write whose deadline its socket already shows.
   *
   * @param deadline the read's or write's deadline
   */
  void started(long deadline) {
    sweeper.watch(deadline);
  }
}
