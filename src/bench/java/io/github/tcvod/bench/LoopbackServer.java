package io.github.tcvod.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1, run in a process of its own so that its CPU and heap are
 * not the client's: it answers every request with the seed response on keep-alive connections, one
 * thread per connection, reading the request head byte by byte from its own buffer (no strings),
 * so that it costs every client mode the same little. It prints {@code PORT <n>} when it listens
 * and stops when its standard input closes (the harness ended or died) or after {@code maxSeconds}.
 */
public final class LoopbackServer {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

  private LoopbackServer() {
  }

  /** @param args {@code [maxSeconds]}, default 1800 */
  public static void main(String[] args) throws IOException {
    long maxSeconds = args.length > 0 ? Long.parseLong(args[0]) : 1800;
    byte[] body = Payloads.seedResponse();
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] answer = new byte[head.length + body.length];
    System.arraycopy(head, 0, answer, 0, head.length);
    System.arraycopy(body, 0, answer, head.length, body.length);

    ServerSocket listener = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
    daemon("loopback-stop-on-stdin-eof", () -> {
      try {
        while (System.in.read() >= 0) {
          // the harness holds our stdin open while it needs us
        }
      } catch (IOException e) {
        // treated as end of input
      }
      System.exit(0);
    });
    daemon("loopback-max-lifetime", () -> {
      try {
        TimeUnit.SECONDS.sleep(maxSeconds);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.exit(0);
    });
    System.out.println("PORT " + listener.getLocalPort());
    System.out.flush();
    while (true) {
      Socket socket = listener.accept();
      socket.setTcpNoDelay(true);
      daemon("loopback-connection", () -> serve(socket, answer));
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void serve(Socket socket, byte[] answer) {
    try (Socket s = socket) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      MessageSkipper requests = new MessageSkipper(in);
      while (requests.skipMessage()) {
        out.write(answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Reads whole messages (head and Content-Length body; requests here, answers in the raw-socket client) from a stream, without allocating per request. */
  static final class MessageSkipper {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    MessageSkipper(InputStream in) {
      this.in = in;
    }

    /** @return false at end of stream */
    boolean skipMessage() throws IOException {
      long contentLength = 0;
      int lineLength = 0;
      boolean matching = true;
      while (true) {
        if (position == limit && !fill()) {
          return false;
        }
        byte b = buffer[position++];
        if (b == '\r') {
          continue;
        }
        if (b == '\n') {
          if (lineLength == 0) {
            break;
          }
          lineLength = 0;
          matching = true;
          continue;
        }
        if (matching && lineLength < CONTENT_LENGTH.length) {
          matching = Character.toLowerCase((char) b) == CONTENT_LENGTH[lineLength];
        } else if (matching && b >= '0' && b <= '9') {
          contentLength = contentLength * 10 + (b - '0');
        }
        lineLength++;
      }
      for (long left = contentLength; left > 0; ) {
        if (position == limit && !fill()) {
          return false;
        }
        int n = (int) Math.min(left, limit - position);
        position += n;
        left -= n;
      }
      return true;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }
  }
}
