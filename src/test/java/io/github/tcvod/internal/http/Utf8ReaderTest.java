package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
  /** Every width of UTF-8, a supplementary character split across reads of every size included. */
  @Test
  void decodesAsTheJdkDoesWhateverTheReadSize() throws IOException {
    String text = "{\"a\":\"x\u00e9\u4e2d\ud83d\ude00\ufeff\u007f\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff\"}";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int chunk = 1; chunk <= text.length() + 1; chunk++) {
      assertEquals(text, readAll(bytes, chunk), "reads of " + chunk);
    }
  }

  @Test
  void refusesWhatIsNotWellFormed() {
    byte[][] bad = {
        {(byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80}, {'a', (byte) 0xe4, (byte) 0xb8}, {(byte) 0xc3, 'a'}};
    for (byte[] bytes : bad) {
      assertThrows(Utf8Reader.Malformed.class, () -> readAll(bytes, 16));
    }
  }

  private static String readAll(byte[] bytes, int chunk) throws IOException {
    Utf8Reader reader = new Utf8Reader(bytes);
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[chunk];
    for (int n; (n = reader.read(buffer, 0, chunk)) != -1; ) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }
}
