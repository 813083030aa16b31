package io.github.tcvod.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8} against the JDK's strict decoder, which is the definition of well-formed here. */
class Utf8Test {
  @Test
  void everyCodePointBeyondAsciiDecodesFromItsJdkEncoding() {
    for (int codePoint = 0x80; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        continue;
      }
      byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
      assertEquals(codePoint, Utf8.decode(bytes, 0, bytes.length), Integer.toHexString(codePoint));
      assertEquals(bytes.length, Utf8.encodedLength(codePoint), Integer.toHexString(codePoint));
      assertEquals(Utf8.MALFORMED, Utf8.decode(bytes, 0, bytes.length - 1), "cut short " + Integer.toHexString(codePoint));
    }
  }

  @Test
  void anyOtherBytesAreMalformedExactlyWhenTheJdkSaysSo() {
    Random random = new Random(8);
    int[] leads = {0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xff, 0x80, 0xbf};
    int[] continuations = {0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
    for (int lead : leads) {
      for (int round = 0; round < 3000; round++) {
        byte[] bytes = {(byte) lead, (byte) continuations[random.nextInt(continuations.length)],
            (byte) continuations[random.nextInt(continuations.length)], (byte) continuations[random.nextInt(continuations.length)]};
        int size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        int expected = jdk(bytes, size);
        assertEquals(expected, Utf8.decode(bytes, 0, bytes.length), String.format("%02x %02x %02x %02x", bytes[0], bytes[1], bytes[2], bytes[3]));
      }
    }
  }

  /** The code point the JDK decodes from the first {@code size} bytes, or MALFORMED. */
  private static int jdk(byte[] bytes, int size) {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, size));
      return chars.length() == 0 ? Utf8.MALFORMED : Character.codePointAt(chars, 0) < 0x80 ? Utf8.MALFORMED
          : chars.length() == Character.charCount(Character.codePointAt(chars, 0)) ? Character.codePointAt(chars, 0) : Utf8.MALFORMED;
    } catch (CharacterCodingException e) {
      return Utf8.MALFORMED;
    }
  }
}
