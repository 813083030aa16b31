package io.github.tcvod.internal.http;

import io.github.tcvod.internal.DeadlineSweeper;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket of the SDK's own HTTP client that keeps the client's read and write timeouts itself: it
 * reads and writes in blocking mode, and a read or write that blocks longer than its timeout is
 * ended by the {@link SocketWatchdog}, which closes the socket. A timeout OkHttp sets itself
 * ({@code SO_TIMEOUT} for its health check of a pooled connection) applies as on any socket.
 */
final class TimedSocket extends Socket implements DeadlineSweeper.Watched {
  private final SocketWatchdog watchdog;
  /** The deadline of the read under way, or {@link DeadlineSweeper#NONE}. */
  private volatile long readDeadline = DeadlineSweeper.NONE;
  /** The deadline of the write under way, or {@link DeadlineSweeper#NONE}. */
  private volatile long writeDeadline = DeadlineSweeper.NONE;
  private volatile boolean timedOut;
  private InputStream input;
  private OutputStream output;

  /** @param watchdog watches this socket's reads and writes until it is closed */
  TimedSocket(SocketWatchdog watchdog) {
    this.watchdog = watchdog;
    watchdog.watch(this);
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (input == null) {
      input = new WatchedInput(super.getInputStream());
    }
    return input;
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (output == null) {
      output = new WatchedOutput(super.getOutputStream());
    }
    return output;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      super.close();
    } finally {
      watchdog.forget(this);
    }
  }

  /** @return the earlier deadline of the read and the write under way, or {@link DeadlineSweeper#NONE} */
  @Override
  public long deadline() {
    long read = readDeadline;
    long write = writeDeadline;
    if (read == DeadlineSweeper.NONE) {
      return write;
    }
    return write == DeadlineSweeper.NONE || read - write < 0 ? read : write;
  }

  /** Closes the socket, and the blocked read or write fails as a timeout, unless it has ended meanwhile. */
  @Override
  public void expire(long deadline) {
    if (readDeadline != deadline && writeDeadline != deadline) {
      return;
    }
    timedOut = true;
    try {
      close();
    } catch (IOException e) {
      // closed all the same: the blocked read or write fails
    }
  }

  /**
   * @param failure how a read or write failed
   * @param message the JDK's message for such a timeout
   * @return the failure as a timeout when the watchdog closed the socket, else itself
   */
  private IOException reported(IOException failure, String message) {
    if (!timedOut) {
      return failure;
    }
    SocketTimeoutException timeout = new SocketTimeoutException(message);
    timeout.initCause(failure);
    return timeout;
  }

  /**
   * Notes the deadline of each read and reports a read the watchdog ended as a timeout. The
   * deadline is visible before the watchdog is asked to look: see {@link DeadlineSweeper#sweep()}.
   */
  private final class WatchedInput extends FilterInputStream {
    WatchedInput(InputStream in) {
      super(in);
    }

    /** Okio and TLS read into arrays; a single byte goes the same watched way. */
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      long deadline = watchdog.readDeadlineFromNow();
      readDeadline = deadline;
      watchdog.started(deadline);
      try {
        return in.read(bytes, offset, length);
      } catch (IOException e) {
        throw reported(e, "Read timed out");
      } finally {
        readDeadline = DeadlineSweeper.NONE;
      }
    }

    /** Skips by reading, so that a skip that waits is watched as a read. */
    @Override
    public long skip(long n) throws IOException {
      if (n <= 0) {
        return 0;
      }
      byte[] skipped = new byte[(int) Math.min(n, 8192)];
      int read = read(skipped, 0, skipped.length);
      return read < 0 ? 0 : read;
    }
  }

  /** Notes the deadline of each write and reports a write the watchdog ended as a timeout. */
  private final class WatchedOutput extends FilterOutputStream {
    WatchedOutput(OutputStream out) {
      super(out);
    }

    /** Okio writes whole segments; a single byte goes the same watched way. */
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      long deadline = watchdog.writeDeadlineFromNow();
      writeDeadline = deadline;
      watchdog.started(deadline);
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw reported(e, "write timed out");
      } finally {
        writeDeadline = DeadlineSweeper.NONE;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
