package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which characters are escaped, and where and how long text is cut. */
class SafeTextMutationTest {
  @Test
  void nullStaysNull() {
    assertNull(SafeText.of(null));
    assertNull(SafeText.of(null, 10));
  }

  @Test
  void printableTextIsKeptAsItIs() {
    assertEquals("Task failed: 50% done, \u4efb\u52a1", SafeText.of("Task failed: 50% done, \u4efb\u52a1"));
    assertEquals("", SafeText.of(""));
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\u000d\\u000ab\\u001b[31m\\u0000\\u007f\\u0085", SafeText.of("a\r\nb\u001b[31m\u0000\u007f\u0085"));
  }

  @Test
  void lineSeparatorsAndBidiControlsAreEscaped() {
    assertEquals("\\u2028\\u2029\\u202a\\u202c\\u202e\\u2066\\u2067\\u2069",
        SafeText.of("\u2028\u2029\u202a\u202c\u202e\u2066\u2067\u2069"));
  }

  @Test
  void neighboursOfTheEscapedRangesAreKept() {
    String neighbours = "\u2027\u202f\u2065\u206a\u0020\u00a0";
    assertEquals(neighbours, SafeText.of(neighbours));
  }

  @Test
  void textUpToTheLimitIsNotCut() {
    String exactly = repeat('x', SafeText.MAX_CHARS);
    assertEquals(exactly, SafeText.of(exactly));
  }

  @Test
  void textBeyondTheLimitIsCutWithANoteOfWhatWasLeftOut() {
    assertEquals(repeat('x', 512) + "...(1 more chars)", SafeText.of(repeat('x', 513)));
    assertEquals(repeat('x', 512) + "...(88 more chars)", SafeText.of(repeat('x', 600)));
    assertEquals("abcde...(2 more chars)", SafeText.of("abcdefg", 5));
  }

  @Test
  void escapesCountTowardsTheLimit() {
    // Each escape is six characters: after two of them (12 >= 7) nothing more is written.
    assertEquals("\\u000a\\u000a...(2 more chars)", SafeText.of("\n\n\nx", 7));
  }

  private static String repeat(char c, int times) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < times; i++) {
      text.append(c);
    }
    return text.toString();
  }
}
