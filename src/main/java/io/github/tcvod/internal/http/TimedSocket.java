package io.github.tcvod.internal.http;

import io.github.tcvod.internal.DeadlineSweeper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A socket of the SDK's own HTTP client that keeps the client's timeouts itself: a read waits at
 * most the read timeout, whoever asks for no timeout ({@code SO_TIMEOUT}, applied by the JDK to each
 * read), and a write that blocks longer than the write timeout is ended by the {@link WriteWatchdog}.
 */
final class TimedSocket extends Socket implements DeadlineSweeper.Watched {
  private final int readTimeoutMillis;
  private final WriteWatchdog writes;
  /** The deadline of the write under way, or {@link DeadlineSweeper#NONE}. */
  private volatile long writeDeadline = DeadlineSweeper.NONE;
  private volatile boolean timedOut;
  private OutputStream output;

  /**
   * @param readTimeoutMillis the read timeout, positive
   * @param writes watches this socket's writes until it is closed
   */
  TimedSocket(int readTimeoutMillis, WriteWatchdog writes) throws SocketException {
    this.readTimeoutMillis = readTimeoutMillis;
    this.writes = writes;
    super.setSoTimeout(readTimeoutMillis);
    writes.watch(this);
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    super.setSoTimeout(timeout == 0 ? readTimeoutMillis : timeout);
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
      writes.forget(this);
    }
  }

  @Override
  public long deadline() {
    return writeDeadline;
  }

  /** Closes the socket, and the blocked write fails as a timeout, unless that write has ended meanwhile. */
  @Override
  public void expire(long deadline) {
    if (writeDeadline != deadline) {
      return;
    }
    timedOut = true;
    try {
      close();
    } catch (IOException e) {
      // closed all the same: the blocked write fails
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
      started();
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw reported(e);
      } finally {
        writeDeadline = DeadlineSweeper.NONE;
      }
    }

    /** The deadline is visible before the watchdog is asked to look: see {@link DeadlineSweeper#sweep()}. */
    private void started() {
      long deadline = writes.deadlineFromNow();
      writeDeadline = deadline;
      writes.writing(deadline);
    }

    private IOException reported(IOException failure) {
      if (!timedOut) {
        return failure;
      }
      SocketTimeoutException timeout = new SocketTimeoutException("write timed out");
      timeout.initCause(failure);
      return timeout;
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
