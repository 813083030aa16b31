package io.github.tcvod.internal.auth;

import io.github.tcvod.InternalApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file that should be small (a credentials file, a token), never holding more than a bound in memory. */
@InternalApi
public final class SmallFile {
  private SmallFile() {
  }

  /**
   * Reads up to one byte past the bound, whatever size the file claims: a special or growing file
   * may claim 0 and never end, and a huge one would not fit in an array.
   *
   * @param file the file
   * @param maxBytes the most it may hold
   * @return its content, or null when it holds more than {@code maxBytes}
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file, int maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int room = maxBytes + 1;
      int n;
      while (room > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, room))) >= 0) {
        bytes.write(buffer, 0, n);
        room -= n;
      }
      return bytes.size() > maxBytes ? null : bytes.toByteArray();
    }
  }
}
