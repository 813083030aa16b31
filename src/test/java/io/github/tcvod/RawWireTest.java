package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.internal.signer.DefaultTc3Signer;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request as bytes on a socket, with no HTTP server library in between to normalize it. */
class RawWireTest {
  @Test
  void signedHeadersAndBodyAreExactlyTheBytesSent() throws Exception {
    byte[] answer = VodTestServer.resource("seed/describe-response.json").getBytes(StandardCharsets.UTF_8);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<byte[][]> captured = CompletableFuture.supplyAsync(() -> serveOnce(listener, answer));
      try (VodClient vod = VodTestServer.clientOf(listener.getLocalPort()).build()) {
        assertEquals(1L, vod.describeProcessImageAsyncTemplates(
            DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build()).totalCount());
      }
      byte[][] request = captured.get(10, TimeUnit.SECONDS);
      String head = new String(request[0], StandardCharsets.ISO_8859_1);
      byte[] body = request[1];
      Map<String, String> headers = new LinkedHashMap<>();
      String[] lines = head.split("\r\n");
      assertEquals("POST / HTTP/1.1", lines[0]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).trim());
      }
      assertEquals("application/json; charset=utf-8", headers.get("content-type"));
      assertEquals("127.0.0.1:" + listener.getLocalPort(), headers.get("host"));
      assertEquals("{\"SubAppId\":221073,\"Definitions\":[7]}", new String(body, StandardCharsets.UTF_8));
      assertEquals(Integer.toString(body.length), headers.get("content-length"));

      String scope = "2026-01-26/vod/tc3_request";
      String canonical = "POST\n/\n\ncontent-type:" + headers.get("content-type") + "\nhost:" + headers.get("host")
          + "\n\ncontent-type;host\n" + DefaultTc3Signer.hex(DefaultTc3Signer.sha256(body));
      String signature = DefaultTc3Signer.hex(DefaultTc3Signer.hmacSha256(
          DefaultTc3Signer.deriveSigningKey(VodTestServer.SECRET_KEY, "2026-01-26", "vod"),
          "TC3-HMAC-SHA256\n" + headers.get("x-tc-timestamp") + "\n" + scope + "\n"
              + DefaultTc3Signer.hex(DefaultTc3Signer.sha256(canonical.getBytes(StandardCharsets.UTF_8)))));
      assertTrue(headers.get("authorization").endsWith(", Signature=" + signature), headers.get("authorization"));
    }
  }

  private static byte[][] serveOnce(ServerSocket listener, byte[] answer) {
    try (Socket socket = listener.accept()) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed in the headers");
        }
        head.write(b);
        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String headText = new String(head.toByteArray(), StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : headText.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = new byte[length];
      int read = 0;
      while (read < length) {
        int n = in.read(body, read, length - read);
        if (n < 0) {
          throw new IOException("connection closed in the body");
        }
        read += n;
      }
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(answer);
      out.flush();
      return new byte[][] {trimEnd(head.toByteArray(), 4), body};
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] trimEnd(byte[] bytes, int count) {
    return java.util.Arrays.copyOf(bytes, bytes.length - count);
  }
}
