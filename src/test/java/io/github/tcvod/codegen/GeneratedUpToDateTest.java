package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails {@code mvn verify} when the committed generator output is not what the specs and templates
 * give: every openapi-generator execution of the POM runs again into {@code target/} and its Java
 * files are compared with the committed ones, so a spec or template change without regeneration
 * cannot pass.
 */
class GeneratedUpToDateTest {
  @Test
  void committedOutputMatchesTheSpecsAndTemplates() throws Exception {
    List<PomCodegen.Execution> executions = PomCodegen.executions();
    assertFalse(executions.isEmpty(), "no openapi-generator execution in pom.xml");
    Map<String, Path> regenerated = new LinkedHashMap<>();
    for (PomCodegen.Execution execution : executions) {
      String output = execution.setting("output");
      Path into = regenerated.get(output);
      if (into == null) {
        into = Paths.get("target/regenerated").resolve(output.replace('/', '_'));
        PomCodegen.deleteRecursively(into);
        regenerated.put(output, into);
      }
      PomCodegen.generateInto(execution, Paths.get(execution.setting("inputSpec")), into, null, null);
    }
    for (Map.Entry<String, Path> output : regenerated.entrySet()) {
      GoldenFiles.assertSame(output.getKey() + "/ (generated from " + specsOf(executions, output.getKey()) + ")",
          PomCodegen.readJava(Paths.get(output.getKey())), PomCodegen.readJava(output.getValue()),
          PomCodegen.REGENERATE + " and commit " + output.getKey() + "/");
    }
  }

  private static String specsOf(List<PomCodegen.Execution> executions, String output) {
    StringBuilder specs = new StringBuilder();
    for (PomCodegen.Execution execution : executions) {
      if (output.equals(execution.setting("output"))) {
        specs.append(specs.length() == 0 ? "" : ", ").append(execution.setting("inputSpec"));
      }
    }
    return specs.toString();
  }
}
