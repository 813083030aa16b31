package io.github.tcvod.internal;

import com.google.gson.stream.JsonWriter;
import java.io.Writer;
import java.util.Arrays;

/**
 * A Writer that encodes to UTF-8 in a growable byte array, as {@code String.getBytes(UTF_8)}
 * does: an unpaired surrogate becomes {@code '?'}. Reused per thread by {@link Json}; a buffer
 * grown past {@link #KEPT_CAPACITY} is dropped after use rather than kept.
 */
final class Utf8Writer extends Writer {
  private static final int KEPT_CAPACITY = 64 * 1024;

  private byte[] bytes = new byte[1024];
  private int count;
  /** A high surrogate waiting for its low half, or 0. */
  private char pendingHigh;
  boolean inUse;
  /**
   * The JSON writer {@link Json} keeps on this one between values; dropped after a value that
   * failed half-way, whose writer is left inside it.
   */
  JsonWriter jsonWriter;

  @Override
  public void write(int c) {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      put(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) {
    ensure(length);
    int end = offset + length;
    int i = offset;
    if (pendingHigh == 0) {
      byte[] out = bytes;
      int at = count;
      for (; i < end; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          break;
        }
        out[at++] = (byte) c;
      }
      count = at;
    }
    for (; i < end; i++) {
      put(text.charAt(i));
    }
  }

  @Override
  public void write(String text) {
    write(text, 0, text.length());
  }

  @Override
  public Writer append(CharSequence text) {
    String string = String.valueOf(text);
    write(string, 0, string.length());
    return this;
  }

  @Override
  public Writer append(CharSequence text, int start, int end) {
    String string = String.valueOf(text);
    write(string, start, end - start);
    return this;
  }

  @Override
  public Writer append(char c) {
    put(c);
    return this;
  }

  private void put(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int codePoint = Character.toCodePoint(high, c);
        ensure(4);
        bytes[count++] = (byte) (0xf0 | (codePoint >> 18));
        bytes[count++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
        bytes[count++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
        bytes[count++] = (byte) (0x80 | (codePoint & 0x3f));
        return;
      }
      ensure(1);
      bytes[count++] = '?';
    }
    ensure(3);
    if (c < 0x80) {
      bytes[count++] = (byte) c;
    } else if (c < 0x800) {
      bytes[count++] = (byte) (0xc0 | (c >> 6));
      bytes[count++] = (byte) (0x80 | (c & 0x3f));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[count++] = '?';
    } else {
      bytes[count++] = (byte) (0xe0 | (c >> 12));
      bytes[count++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      bytes[count++] = (byte) (0x80 | (c & 0x3f));
    }
  }

  private void ensure(int more) {
    if (count + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
    }
  }

  /** @return what was written, with an unpaired high surrogate at the end as {@code '?'} */
  byte[] toByteArray() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      ensure(1);
      bytes[count++] = '?';
    }
    return Arrays.copyOf(bytes, count);
  }

  /**
   * Empties the writer for its next use.
   *
   * @param whole whether the last value was written whole, leaving {@link #jsonWriter} between values
   */
  void reset(boolean whole) {
    if (!whole) {
      jsonWriter = null;
    }
    count = 0;
    pendingHigh = 0;
    inUse = false;
    if (bytes.length > KEPT_CAPACITY) {
      bytes = new byte[1024];
    }
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
