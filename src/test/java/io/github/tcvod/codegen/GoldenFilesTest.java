package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoldenFilesTest {
  private static final String LONG_FILE = IntStream.rangeClosed(1, 2000).mapToObj(i -> "line " + i)
      .collect(Collectors.joining("\n"));

  @Test
  void aDifferenceIsShownAsTheFirstDifferingLinesWithTheFixCommand() {
    Map<String, String> expected = Collections.singletonMap("A.java", LONG_FILE);
    Map<String, String> actual = Collections.singletonMap("A.java", LONG_FILE.replace("line 1000\n", "line one thousand\n"));
    AssertionError failure = assertThrows(AssertionError.class,
        () -> GoldenFiles.assertSame("golden files", expected, actual, "mvn -B -ntp verify -DupdateGoldens=true"));
    String message = failure.getMessage();
    assertTrue(message.startsWith("golden files differ; after a deliberate change run: mvn -B -ntp verify -DupdateGoldens=true\n"), message);
    assertTrue(message.contains("--- expected/A.java\n+++ actual/A.java\n@@ -997,7 +997,7 @@\n line 997\n line 998\n line 999\n"
        + "-line 1000\n+line one thousand\n line 1001\n line 1002\n line 1003\n"), message);
    assertTrue(message.split("\n").length < 20, "not the whole file: " + message.split("\n").length + " lines");
  }

  @Test
  void newAndMissingFilesAreNamed() {
    Map<String, String> expected = new TreeMap<>();
    expected.put("Gone.java", "x");
    Map<String, String> actual = new TreeMap<>();
    actual.put("New.java", "y");
    assertEquals("- missing file Gone.java\n+ new file New.java\n", GoldenFiles.describeDifferences(expected, actual));
    assertEquals("", GoldenFiles.describeDifferences(actual, actual));
  }

  @Test
  void aLongHunkIsCut() {
    String many = IntStream.rangeClosed(1, 200).mapToObj(i -> "x" + i).collect(Collectors.joining("\n"));
    String diff = GoldenFiles.unifiedDiff("B.java", "a\n" + many + "\nz", "a\n" + many.replace("x", "y") + "\nz");
    assertTrue(diff.contains("... (362 more diff lines)"), diff);
  }
}
