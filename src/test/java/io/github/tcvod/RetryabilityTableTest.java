package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.VodServiceException;
import io.github.tcvod.internal.http.ErrorMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Retryability of the service's code families is stated once, in {@link ErrorMapper}'s table: the
 * exceptions answer from it, and the README's table of exceptions must say the same.
 */
class RetryabilityTableTest {
  private static final Pattern EXCEPTION = Pattern.compile("`(\\w+Exception)`");

  private static VodServiceException exceptionOf(String code) {
    return ErrorMapper.toException(ErrorDetails.of(code, "message", "req", 200, "Action"));
  }

  @Test
  void everyFamilyAndSubCodeAnswersFromTheTable() {
    Map<String, Boolean> table = ErrorMapper.retryableByFamily();
    assertTrue(table.size() >= 14, table.toString());
    assertTrue(table.containsValue(true) && table.containsValue(false), table.toString());
    table.forEach((family, retryable) -> {
      assertEquals(retryable, exceptionOf(family).isRetryable(), family);
      assertEquals(retryable, exceptionOf(family + ".SomethingNew").isRetryable(), family + ".SomethingNew");
    });
    assertFalse(exceptionOf("BrandNewFamily.Code").isRetryable(), "an unknown family is not retried");
  }

  @Test
  void readmeTableSaysWhatTheTableSays() throws Exception {
    Map<String, String> readme = readmeRetryableByException();
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> stated = new TreeMap<>();
    ErrorMapper.retryableByFamily().forEach((family, retryable) -> {
      String exception = exceptionOf(family).getClass().getSimpleName();
      expected.put(exception, retryable ? "yes" : "no");
      stated.put(exception, readme.get(exception));
    });
    expected.put("VodServiceException", ErrorMapper.isRetryable("NotAFamily") ? "yes" : "no");
    stated.put("VodServiceException", readme.get("VodServiceException"));
    assertEquals(expected, stated, "README.md ## Errors table vs ErrorMapper's family table");
  }

  /** Exception simple name to the README's "retryable" cell, from the table under "## Errors". */
  private static Map<String, String> readmeRetryableByException() throws Exception {
    String text = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
    int start = text.indexOf("\n## Errors");
    assertTrue(start >= 0, "README.md has an ## Errors section");
    int end = text.indexOf("\n## ", start + 1);
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
      String[] cells = line.split("\\|");
      if (!line.startsWith("|") || cells.length < 4 || line.startsWith("|---")) {
        continue;
      }
      Matcher names = EXCEPTION.matcher(cells[1]);
      while (names.find()) {
        rows.put(names.group(1), cells[3].trim());
      }
    }
    assertTrue(rows.size() > 10, "README rows: " + rows);
    return rows;
  }
}
