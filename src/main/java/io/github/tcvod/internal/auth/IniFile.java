package io.github.tcvod.internal.auth;

import io.github.tcvod.InternalApi;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The subset of INI that credentials files use: {@code [section]}, {@code key = value}, {@code #} and {@code ;} comments. */
@InternalApi
public final class IniFile {
  private IniFile() {
  }

  /**
   * @param text the file's content
   * @return sections by name, each a map of trimmed keys to trimmed values; later keys win
   */
  public static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : text.split("\r?\n|\r")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1).trim(), name -> new HashMap<>());
        continue;
      }
      int equals = line.indexOf('=');
      if (current != null && equals > 0) {
        current.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
      }
    }
    return sections;
  }
}
