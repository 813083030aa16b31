package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** javac and javadoc over generated sources, with the build's settings (Java 8, lint, doclint). */
final class JavaTools {
  private JavaTools() {
  }

  static List<String> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().collect(Collectors.toList());
    }
  }

  /** Compiles for Java 8 against the test class path; fails with the compiler's messages. */
  static void compile(Path sourceRoot, Path classes) throws IOException {
    PomCodegen.deleteRecursively(classes);
    Files.createDirectories(classes);
    List<String> arguments = new ArrayList<>(Arrays.asList("--release", "8", "-Xlint:all,-options,-processing", "-Werror",
        "-encoding", "UTF-8", "-implicit:none", "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    arguments.addAll(sources(sourceRoot));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, arguments.toArray(new String[0]));
    assertEquals(0, status, "javac failed:\n" + firstLines(messages));
  }

  /**
   * The build's doclint groups for the javadoc running: all, but "missing" on JDK 18 and later, whose
   * javadoc warns of a comment that is only {@code @return} (see the pom's jdk18-javadoc profile).
   */
  static final String DOCLINT = Runtime.version().feature() >= 18 ? "all,-missing" : "all";

  /** Runs javadoc as the build does (doclint all, warnings fail); fails with its messages. */
  static void javadoc(Path sourceRoot, Path docs) throws IOException {
    PomCodegen.deleteRecursively(docs);
    List<String> arguments = new ArrayList<>(Arrays.asList("--release", "8", "-Xdoclint:" + DOCLINT, "-quiet", "-notimestamp",
        "-encoding", "UTF-8", "-docencoding", "UTF-8", "-classpath", System.getProperty("java.class.path"),
        "-d", docs.toString()));
    arguments.addAll(sources(sourceRoot));
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javadoc.run(null, messages, messages, arguments.toArray(new String[0]));
    String output = messages.toString(StandardCharsets.UTF_8.name());
    boolean warned = output.contains("warning:") || output.contains("warning -");
    assertEquals("0 false", status + " " + warned, "javadoc failed or warned:\n" + firstLines(messages));
  }

  private static String firstLines(ByteArrayOutputStream messages) throws IOException {
    String[] lines = messages.toString(StandardCharsets.UTF_8.name()).split("\n");
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < Math.min(lines.length, 60); i++) {
      first.append(lines[i]).append('\n');
    }
    if (lines.length > 60) {
      first.append("... ").append(lines.length - 60).append(" more lines\n");
    }
    return first.toString();
  }
}
