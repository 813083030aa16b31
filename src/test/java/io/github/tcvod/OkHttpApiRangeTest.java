package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main code compiles against both ends of the supported range, not only against the OkHttp
 * the build declares: OkHttp 3.12.0 with Gson 2.8.6 (the minimums), and OkHttp 5 (okhttp-jvm). A
 * call that exists in one major version only (RequestBody.create(byte[], MediaType), Kotlin-style
 * extensions) fails here. The jars come from target/api-range (maven-dependency-plugin).
 */
class OkHttpApiRangeTest {
  private static final Path RANGE = Paths.get("target", "api-range");

  @ParameterizedTest
  @ValueSource(strings = {"minimum", "okhttp5"})
  void mainCodeCompilesAgainst(String libraries) throws Exception {
    List<String> classPath = jars(RANGE.resolve(libraries));
    assertTrue(classPath.stream().anyMatch(jar -> jar.contains("okhttp")), "OkHttp jar in " + classPath);
    // The optional annotations of the generated models, from this test's own class path.
    classPath.add(Paths.get(io.swagger.v3.oas.annotations.media.Schema.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).toString());
    List<String> arguments = new ArrayList<>(List.of("--release", "8", "-proc:none", "-nowarn",
        "-d", Files.createTempDirectory("api-range-" + libraries).toString(),
        "-classpath", String.join(java.io.File.pathSeparator, classPath)));
    arguments.addAll(sources(Paths.get("src", "main", "java")));
    arguments.addAll(sources(Paths.get("generated", "java")));

    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit = javac.run(null, null, new PrintStream(errors, true, StandardCharsets.UTF_8),
        arguments.toArray(new String[0]));
    assertEquals(0, exit, "main code against " + classPath + ":\n" + errors.toString(StandardCharsets.UTF_8));
  }

  private static List<String> jars(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList());
    }
  }

  private static List<String> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
  }
}
