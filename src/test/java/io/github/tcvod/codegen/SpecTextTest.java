package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The few things in a description that the templates cannot make safe with the stock generator
 * (CONTRIBUTING.md, "Add a shape"): a Javadoc inline-tag opener, a leading at sign, and a comment
 * end in a vendor extension, which the generator does not escape. Caught here with the place named,
 * instead of as a javadoc or compiler error in generated code.
 */
class SpecTextTest {
  @Test
  void everySpecIsFreeOfTextTheTemplatesCannotEscape() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path spec : specs()) {
      try (InputStream in = Files.newInputStream(spec)) {
        walk(spec.toString(), new Yaml().load(in), false, problems);
      }
    }
    assertEquals("", String.join("\n", problems), "write {&#64; or &#64; instead");
  }

  @Test
  void findsEachKindOfProblem() {
    List<String> problems = new ArrayList<>();
    walk("t", new Yaml().load("a:\n  description: 'see {@code x}'\n  summary: '@since 1'\n"
        + "  x-tc-error-codes:\n    - description: 'ends */ here'\n  ok:\n    description: 'mail@example.com */ /*'\n"), false, problems);
    assertEquals(List.of("t.a.description: inline tag opener {@", "t.a.summary: starts with @",
        "t.a.x-tc-error-codes[0].description: */ in a vendor extension"), problems);
  }

  static List<Path> specs() throws IOException {
    List<Path> specs = new ArrayList<>();
    for (Path dir : new Path[] {Paths.get("spec"), Paths.get("src/test/resources/golden")}) {
      try (Stream<Path> files = Files.list(dir)) {
        specs.addAll(files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList()));
      }
    }
    return specs;
  }

  private static void walk(String path, Object node, boolean inExtension, List<String> problems) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
        String key = String.valueOf(entry.getKey());
        String at = path + "." + key;
        if (entry.getValue() instanceof String && (key.equals("description") || key.equals("summary"))) {
          String text = (String) entry.getValue();
          if (text.contains("{@")) {
            problems.add(at + ": inline tag opener {@");
          }
          if (text.trim().startsWith("@")) {
            problems.add(at + ": starts with @");
          }
          if (inExtension && text.contains("*/")) {
            problems.add(at + ": */ in a vendor extension");
          }
        } else {
          walk(at, entry.getValue(), inExtension || key.startsWith("x-"), problems);
        }
      }
    } else if (node instanceof List) {
      List<?> list = (List<?>) node;
      for (int i = 0; i < list.size(); i++) {
        walk(path + "[" + i + "]", list.get(i), inExtension, problems);
      }
    }
  }
}
