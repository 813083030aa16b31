package io.github.tcvod.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with the same bytes, on
 * keep-alive connections, one thread per connection: cheap enough that the clients dominate.
 */
final class LoopbackServer implements AutoCloseable {
  private final ServerSocket listener;
  private final byte[] answer;
  private final List<Socket> connections = new ArrayList<>();
  private final Thread acceptor;
  /** Connections accepted so far: a client that reuses its connections opens one per thread. */
  final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

  LoopbackServer(byte[] body) throws IOException {
    this.listener = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    this.answer = new byte[head.length + body.length];
    System.arraycopy(head, 0, answer, 0, head.length);
    System.arraycopy(body, 0, answer, head.length, body.length);
    this.acceptor = new Thread(this::accept, "loopback-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        accepted.incrementAndGet();
        socket.setTcpNoDelay(true);
        synchronized (connections) {
          connections.add(socket);
        }
        Thread serving = new Thread(() -> serve(socket), "loopback-connection");
        serving.setDaemon(true);
        serving.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = s.getOutputStream();
      while (true) {
        int length = readHead(in);
        if (length < 0) {
          return;
        }
        for (int skipped = 0; skipped < length; ) {
          long n = in.skip(length - skipped);
          if (n <= 0) {
            if (in.read() < 0) {
              return;
            }
            n = 1;
          }
          skipped += n;
        }
        out.write(answer);
        out.flush();
      }
    } catch (SocketException closed) {
      // the client went away
    } catch (IOException e) {
      // the benchmark ends by closing every connection
    }
  }

  /** @return the request's Content-Length, or -1 at end of stream */
  static int readHead(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      if (b == '\n') {
        String text = line.toString().trim();
        if (text.isEmpty()) {
          return length;
        }
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
          length = Integer.parseInt(text.substring(colon + 1).trim());
        }
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (connections) {
      for (Socket socket : connections) {
        socket.close();
      }
    }
  }
}
