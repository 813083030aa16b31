package io.github.tcvod.internal.http;

import io.github.tcvod.internal.json.Utf8;
import java.io.IOException;
import java.io.Reader;

/**
 * Decodes well-formed UTF-8 straight from a byte array, without the String copy of
 * {@code new String(bytes, UTF_8)}. Malformed input is not repaired but refused with
 * {@link Malformed}, so that the caller can fall back to the JDK's decoder and keep its exact
 * replacement of bad bytes.
 */
final class Utf8Reader extends Reader {
  private final byte[] bytes;
  private int position;
  /** The low surrogate of a supplementary character whose high half was the last char read, or 0. */
  private char pendingLow;

  Utf8Reader(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read(char[] out, int offset, int length) throws IOException {
    byte[] in = bytes;
    int end = offset + length;
    int at = offset;
    if (pendingLow != 0 && at < end) {
      out[at++] = pendingLow;
      pendingLow = 0;
    }
    int pos = position;
    while (at < end && pos < in.length) {
      int b = in[pos];
      if (b >= 0) {
        out[at++] = (char) b;
        pos++;
        continue;
      }
      int codePoint = Utf8.decode(in, pos, in.length);
      if (codePoint == Utf8.MALFORMED) {
        throw new Malformed();
      }
      int size = Utf8.encodedLength(codePoint);
      pos += size;
      if (size < 4) {
        out[at++] = (char) codePoint;
      } else {
        out[at++] = Character.highSurrogate(codePoint);
        if (at < end) {
          out[at++] = Character.lowSurrogate(codePoint);
        } else {
          pendingLow = Character.lowSurrogate(codePoint);
        }
      }
    }
    position = pos;
    int read = at - offset;
    return read == 0 && length > 0 ? -1 : read;
  }

  @Override
  public void close() {
  }

  /** The bytes are not well-formed UTF-8. Without a stack trace: it only redirects the caller. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super("not well-formed UTF-8");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
