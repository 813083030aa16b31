package io.github.tcvod.internal.auth;

import io.github.tcvod.InternalApi;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The INI dialect of Tencent Cloud credentials files, as tccli and the official SDKs write and read
 * them: {@code [section]}, {@code key = value} (or {@code key: value}), whole-line comments
 * starting with {@code #} or {@code ;}, inline comments starting with {@code #} or {@code ;} after
 * whitespace, values in matching single or double quotes unquoted (a comment character inside
 * quotes is part of the value), keys case-insensitive, and a UTF-8 byte order mark ignored.
 */
@InternalApi
public final class IniFile {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private IniFile() {
  }

  /**
   * @param text the file's content
   * @return sections by name, each a map of lower-case keys to values; later keys win
   */
  public static Map<String, Map<String, String>> parse(String text) {
    String content = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : content.split("\r?\n|\r")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        if (close > 0) {
          current = sections.computeIfAbsent(line.substring(1, close).trim(), name -> new HashMap<>());
        }
        continue;
      }
      int delimiter = delimiter(line);
      if (current != null && delimiter > 0) {
        current.put(line.substring(0, delimiter).trim().toLowerCase(Locale.ROOT), value(line.substring(delimiter + 1)));
      }
    }
    return sections;
  }

  private static int delimiter(String line) {
    int equals = line.indexOf('=');
    int colon = line.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }

  /** The text after the delimiter without its inline comment, surrounding blanks and quotes. */
  private static String value(String text) {
    String value = text.trim();
    if (value.length() >= 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      int close = value.indexOf(value.charAt(0), 1);
      if (close > 0) {
        return value.substring(1, close);
      }
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
        return value.substring(0, i).trim();
      }
    }
    return value.startsWith("#") || value.startsWith(";") ? "" : value;
  }
}
