package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares generated files with expected ones and, on a difference, fails with a unified diff of
 * the first differing lines of each file (not whole files) and the command that fixes it.
 */
final class GoldenFiles {
  private static final int CONTEXT = 3;
  private static final int MAX_DIFF_LINES = 40;

  private GoldenFiles() {
  }

  /** Rewrites {@code expectedRoot} with {@code actual} when the build runs with -DupdateGoldens=true. */
  static void updateIfAsked(Path expectedRoot, Map<String, String> actual) throws IOException {
    if (!Boolean.getBoolean("updateGoldens")) {
      return;
    }
    PomCodegen.deleteRecursively(expectedRoot);
    for (Map.Entry<String, String> file : actual.entrySet()) {
      Path target = expectedRoot.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * @param what what is compared, for the message
   * @param fix the command that brings {@code expected} up to date
   */
  static void assertSame(String what, Map<String, String> expected, Map<String, String> actual, String fix) {
    String report = describeDifferences(expected, actual);
    if (!report.isEmpty()) {
      fail(what + " differ; after a deliberate change run: " + fix + "\n" + report);
    }
  }

  /** @return empty when equal; otherwise per file: missing, unexpected, or a unified diff */
  static String describeDifferences(Map<String, String> expected, Map<String, String> actual) {
    StringBuilder report = new StringBuilder();
    TreeSet<String> names = new TreeSet<>(expected.keySet());
    names.addAll(actual.keySet());
    int differing = 0;
    for (String name : names) {
      String want = expected.get(name);
      String got = actual.get(name);
      if (want == null) {
        report.append("+ new file ").append(name).append('\n');
      } else if (got == null) {
        report.append("- missing file ").append(name).append('\n');
      } else if (!want.equals(got)) {
        differing++;
        if (differing <= 5) {
          report.append(unifiedDiff(name, want, got));
        } else if (differing == 6) {
          report.append("(more files differ)\n");
        }
      }
    }
    return report.toString();
  }

  /** The first hunk where the texts differ, in unified-diff form, at most {@value #MAX_DIFF_LINES} lines. */
  static String unifiedDiff(String name, String expected, String actual) {
    String[] want = expected.split("\n", -1);
    String[] got = actual.split("\n", -1);
    int first = 0;
    while (first < want.length && first < got.length && want[first].equals(got[first])) {
      first++;
    }
    int wantEnd = want.length;
    int gotEnd = got.length;
    while (wantEnd > first && gotEnd > first && want[wantEnd - 1].equals(got[gotEnd - 1])) {
      wantEnd--;
      gotEnd--;
    }
    int start = Math.max(0, first - CONTEXT);
    List<String> lines = new ArrayList<>();
    for (int i = start; i < first; i++) {
      lines.add(" " + want[i]);
    }
    for (int i = first; i < wantEnd; i++) {
      lines.add("-" + want[i]);
    }
    for (int i = first; i < gotEnd; i++) {
      lines.add("+" + got[i]);
    }
    for (int i = wantEnd; i < Math.min(want.length, wantEnd + CONTEXT); i++) {
      lines.add(" " + want[i]);
    }
    StringBuilder diff = new StringBuilder()
        .append("--- expected/").append(name).append('\n')
        .append("+++ actual/").append(name).append('\n')
        .append("@@ -").append(start + 1).append(',').append(wantEnd - start + Math.min(CONTEXT, want.length - wantEnd))
        .append(" +").append(start + 1).append(',').append(gotEnd - start + Math.min(CONTEXT, got.length - gotEnd))
        .append(" @@\n");
    for (int i = 0; i < lines.size() && i < MAX_DIFF_LINES; i++) {
      diff.append(lines.get(i)).append('\n');
    }
    if (lines.size() > MAX_DIFF_LINES) {
      diff.append("... (").append(lines.size() - MAX_DIFF_LINES).append(" more diff lines)\n");
    }
    return diff.toString();
  }
}
