package io.github.tcvod.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain ServerSocket on 127.0.0.1 that answers each request with whatever bytes a test writes,
 * for answers no well-behaved server would send. Counts the requests it read, and keeps their heads.
 */
final class RawServer implements AutoCloseable {
  /** Writes the answer to request number {@code n} (1 for the first). */
  @FunctionalInterface
  interface Answer {
    void write(int n, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final Answer answer;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RawServer(Answer answer) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    this.answer = answer;
    this.acceptor = new Thread(this::acceptLoop, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  int requests() {
    return requests.get();
  }

  List<String> heads() {
    return heads;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        open.add(client);
        Thread handler = new Thread(() -> serve(client), "raw-server-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (Socket c = client) {
      InputStream in = c.getInputStream();
      OutputStream out = c.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = contentLength(head);
        for (int i = 0; i < length; i++) {
          if (in.read() < 0) {
            return;
          }
        }
        heads.add(head);
        answer.write(requests.incrementAndGet(), out);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away: fine for a hostile server
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        return new String(head.toByteArray(), StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  /**
   * @param status the status line's code and reason, e.g. {@code 503 Service Unavailable}
   * @param headers header lines, each {@code Name: value}
   * @param body the body
   * @return the whole answer, with Content-Length
   */
  static byte[] http(String status, String body, String... headers) {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    text.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    all.write(head, 0, head.length);
    all.write(bytes, 0, bytes.length);
    return all.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
