package io.github.tcvod.resilience;

import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.ResponseTooLargeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Run in a JVM with a small heap by {@link BoundedMemoryTest}: a 200 MiB body and a gzip body that
 * inflates to 1 GiB, each against the default body limit. Exits 0 when both end with
 * {@link ResponseTooLargeException}; an OutOfMemoryError or any other outcome exits non-zero.
 */
public final class HugeBodyMain {
  private static final long MIB = 1024 * 1024;

  private HugeBodyMain() {
  }

  public static void main(String[] args) throws Exception {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try (RawServer server = new RawServer((n, out) -> {
          if (n == 1) {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + 200 * MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < 200 * MIB; sent += chunk.length) {
              out.write(chunk);
            }
          } else {
            out.write("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            gzipBomb(out, chunk);
            throw new IOException("done");
          }
        });
         VodClient vod = VodTestServer.clientOf(server.port()).build()) {
      for (String what : new String[] {"200 MiB body", "gzip inflating to 1 GiB"}) {
        try {
          vod.describeProcessImageAsyncTemplates(Hostile.REQUEST);
          System.out.println(what + ": no failure");
          System.exit(2);
        } catch (ResponseTooLargeException expected) {
          System.out.println(what + ": " + expected.errorCode());
        }
      }
    }
    System.exit(0);
  }

  private static void gzipBomb(OutputStream out, byte[] chunk) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
    for (long written = 0; written < 1024 * MIB; written += chunk.length) {
      gzip.write(chunk);
    }
    gzip.finish();
  }
}
