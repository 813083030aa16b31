package io.github.tcvod.internal;

/**
 * Text received from the network, made safe to put in an exception message or a log line:
 * bounded in length, with control characters (CR, LF, ESC, ...) written as {@code \\uXXXX} so a
 * server cannot forge log lines or drive a terminal.
 */
public final class SafeText {
  /** The most characters of server text kept in a message or log line. */
  public static final int MAX_CHARS = 512;

  private SafeText() {
  }

  /**
   * @param text text from the network, or null
   * @return the text bounded to {@link #MAX_CHARS} characters with control characters escaped; null for null
   */
  public static String of(String text) {
    return of(text, MAX_CHARS);
  }

  /**
   * @param text text from the network, or null
   * @param maxChars how many characters of it to keep
   * @return the text bounded to {@code maxChars} characters with control characters escaped; null for null
   */
  public static String of(String text, int maxChars) {
    if (text == null) {
      return null;
    }
    int keep = Math.min(text.length(), maxChars);
    StringBuilder safe = new StringBuilder(keep + 16);
    for (int i = 0; i < keep; i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    if (text.length() > keep) {
      safe.append("...(").append(text.length() - keep).append(" more chars)");
    }
    return safe.toString();
  }

  private static boolean isUnsafe(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
