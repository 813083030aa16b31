package io.github.tcvod.internal.json;

import io.github.tcvod.InternalApi;

/**
 * The one place that decides whether bytes are a well-formed UTF-8 sequence (no overlong form, no
 * surrogate, nothing above U+10FFFF), for the readers that decode answers from their bytes.
 */
@InternalApi
public final class Utf8 {
  /** What {@link #decode} returns for bytes that are not one well-formed sequence. */
  public static final int MALFORMED = -1;

  private Utf8() {
  }

  /**
   * @param bytes holds the sequence
   * @param start its first byte, which is not ASCII
   * @param limit the end of the bytes that may belong to it
   * @return the code point of the multi-byte sequence at {@code start}, or {@link #MALFORMED}
   */
  public static int decode(byte[] bytes, int start, int limit) {
    int lead = bytes[start];
    int size;
    int codePoint;
    if ((lead & 0xe0) == 0xc0) {
      size = 2;
      codePoint = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
      size = 3;
      codePoint = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
      size = 4;
      codePoint = lead & 0x07;
    } else {
      return MALFORMED;
    }
    if (start + size > limit) {
      return MALFORMED;
    }
    for (int i = 1; i < size; i++) {
      int next = bytes[start + i];
      if ((next & 0xc0) != 0x80) {
        return MALFORMED;
      }
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    boolean surrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    return encodedLength(codePoint) == size && !surrogate && codePoint <= Character.MAX_CODE_POINT ? codePoint : MALFORMED;
  }

  /**
   * @param codePoint a code point
   * @return how many bytes its shortest UTF-8 form takes
   */
  public static int encodedLength(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
