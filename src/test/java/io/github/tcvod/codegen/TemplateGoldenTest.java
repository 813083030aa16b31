package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code templates/} over a small fixed spec with two actions, with the generator settings
 * of the POM, and compares the output with the committed golden files under
 * {@code src/test/resources/golden/expected}. A template change shows up here as a unified diff;
 * {@code mvn verify -DupdateGoldens=true} rewrites the golden files.
 */
class TemplateGoldenTest {
  static final String UPDATE = "mvn -B -ntp verify -DupdateGoldens=true (then review git diff src/test/resources/golden/)";
  private static final Path SPEC = Paths.get("src/test/resources/golden/widgets.yaml");
  private static final Path EXPECTED = Paths.get("src/test/resources/golden/expected");
  private static final Path ACTUAL = Paths.get("target/golden-actual");

  @Test
  void templatesProduceTheGoldenFilesAndTheyCompile() throws Exception {
    Map<String, String> actual = PomCodegen.generate(PomCodegen.primary(), SPEC, ACTUAL, "com.example.widgets",
        "com.example.widgets.model");
    assertTrue(actual.size() >= 6, "generated " + actual.keySet());
    GoldenFiles.updateIfAsked(EXPECTED, actual);
    GoldenFiles.assertSame("golden files of " + SPEC, PomCodegen.readJava(EXPECTED), actual, UPDATE);
    JavaTools.compile(ACTUAL, Paths.get("target/golden-classes"));
  }
}
