package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
/**
 * Text received from the network, made safe to put in an exception message or a log line:
 * bounded in length (escapes counted), with control characters (CR, LF, ESC, ...) written as {@code \\uXXXX} so a
 * server cannot forge log lines or drive a terminal.
 */
@InternalApi
public final class SafeText {
  /** The most characters of server text kept in a message or log line. */
  public static final int MAX_CHARS = 512;

  private SafeText() {
  }

  /**
   * @param text text from the network, or null
   * @return the text with control characters escaped, cut after about {@link #MAX_CHARS} characters; null for null
   */
  public static String of(String text) {
    return of(text, MAX_CHARS);
  }

  /**
   * @param text text from the network, or null
   * @param maxChars how many characters to write at most, a few more for the last escape and the
   *     note of what was cut
   * @return the text with control characters escaped, cut at {@code maxChars}; null for null
   */
  public static String of(String text, int maxChars) {
    if (text == null) {
      return null;
    }
    StringBuilder safe = new StringBuilder(Math.min(text.length(), maxChars) + 32);
    int used = 0;
    for (; used < text.length() && safe.length() < maxChars; used++) {
      char c = text.charAt(used);
      if (isUnsafe(c)) {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    if (used < text.length()) {
      safe.append("...(").append(text.length() - used).append(" more chars)");
    }
    return safe.toString();
  }

  private static boolean isUnsafe(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
