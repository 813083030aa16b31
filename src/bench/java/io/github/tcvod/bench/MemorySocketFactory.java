package io.github.tcvod.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import javax.net.SocketFactory;

/**
 * Sockets that never touch the kernel: each answers every complete HTTP/1.1 request written to it
 * (head and Content-Length body) with the same bytes. Given to OkHttp as its socket factory, the whole
 * OkHttp stack (interceptors, connection pool, HTTP/1.1 codec) runs as on a real connection, so the
 * SDK's own interceptors are measured too, without network noise. Reading when no answer is due
 * fails at once with a timeout, which OkHttp's connection health check takes for "healthy".
 */
final class MemorySocketFactory extends SocketFactory {
  private final byte[] answer;

  /** @param answer the whole HTTP answer: status line, headers, body */
  MemorySocketFactory(byte[] answer) {
    this.answer = answer.clone();
  }

  static byte[] httpAnswer(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] whole = new byte[head.length + body.length];
    System.arraycopy(head, 0, whole, 0, head.length);
    System.arraycopy(body, 0, whole, head.length, body.length);
    return whole;
  }

  @Override
  public Socket createSocket() {
    return new MemorySocket(answer);
  }

  @Override
  public Socket createSocket(String host, int port) {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  private static final class MemorySocket extends Socket {
    private final byte[] answer;
    private InetSocketAddress remote;
    private volatile boolean closed;
    private int soTimeout;
    /** Requests written and not yet answered, and how far the answer being read has got. */
    private int dueAnswers;
    private int answerPosition = -1;
    /** Incremental request parsing: the current head line's length, Content-Length, body bytes left. */
    private int lineLength;
    private boolean matchingContentLength = true;
    private long contentLength;
    private long bodyLeft = -1;

    private final InputStream in = new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        synchronized (MemorySocket.this) {
          if (closed) {
            return -1;
          }
          if (answerPosition < 0) {
            if (dueAnswers == 0) {
              throw new SocketTimeoutException("no answer due");
            }
            dueAnswers--;
            answerPosition = 0;
          }
          int n = Math.min(len, answer.length - answerPosition);
          System.arraycopy(answer, answerPosition, b, off, n);
          answerPosition += n;
          if (answerPosition == answer.length) {
            answerPosition = -1;
          }
          return n;
        }
      }
    };

    private final OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (MemorySocket.this) {
          for (int i = off; i < off + len; i++) {
            accept(b[i]);
          }
        }
      }
    };

    MemorySocket(byte[] answer) {
      this.answer = answer;
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private void accept(byte b) {
      if (bodyLeft > 0) {
        if (--bodyLeft == 0) {
          requestComplete();
        }
        return;
      }
      if (b == '\r') {
        return;
      }
      if (b == '\n') {
        if (lineLength == 0) {
          bodyLeft = contentLength;
          if (bodyLeft == 0) {
            requestComplete();
          }
        }
        lineLength = 0;
        matchingContentLength = true;
        return;
      }
      if (matchingContentLength && lineLength < CONTENT_LENGTH.length) {
        matchingContentLength = Character.toLowerCase((char) b) == CONTENT_LENGTH[lineLength];
      } else if (matchingContentLength && b >= '0' && b <= '9') {
        contentLength = contentLength * 10 + (b - '0');
      }
      lineLength++;
    }

    private void requestComplete() {
      dueAnswers++;
      contentLength = 0;
      bodyLeft = -1;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) {
      remote = (InetSocketAddress) endpoint;
    }

    @Override
    public void connect(SocketAddress endpoint) {
      connect(endpoint, 0);
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public boolean isConnected() {
      return remote != null;
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public boolean isInputShutdown() {
      return closed;
    }

    @Override
    public boolean isOutputShutdown() {
      return closed;
    }

    @Override
    public void shutdownInput() {
      closed = true;
    }

    @Override
    public void shutdownOutput() {
      closed = true;
    }

    @Override
    public synchronized void close() {
      closed = true;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) {
      soTimeout = timeout;
    }

    @Override
    public synchronized int getSoTimeout() {
      return soTimeout;
    }

    @Override
    public InetAddress getInetAddress() {
      return remote == null ? null : remote.getAddress();
    }

    @Override
    public int getPort() {
      return remote == null ? 0 : remote.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
      return remote;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
      // nothing to delay
    }
  }
}
