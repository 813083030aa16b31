package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The templates at the scale of a whole service: {@link ScaleSpec} ({@value ScaleSpec#ACTIONS}
 * actions, about 1,100 types) is generated with the POM's settings, compiled for Java 8 with lint as
 * errors and run through javadoc with doclint; the jar bytes per model and per action must stay
 * within the budgets of BENCHMARKS.md. Takes a few minutes, so it runs when asked:
 * {@code mvn -B -ntp test -Dtest=ScaleTest -Dscale=true} (and in {@code .ci/run}).
 */
@EnabledIfSystemProperty(named = "scale", matches = "true")
class ScaleTest {
  /** Budgets of BENCHMARKS.md ("Scale"): compressed main-jar bytes. */
  static final int MODEL_BYTES_BUDGET = 6_000;
  static final int ACTION_BYTES_BUDGET = 400;

  private static final Path SPEC = Paths.get("target/scale/scale.yaml");
  private static final Path OUTPUT = Paths.get("target/scale/generated");
  private static final Path CLASSES = Paths.get("target/scale/classes");

  @Test
  void wholeServiceGeneratesCompilesAndPassesDoclintWithinBudget() throws Exception {
    Files.createDirectories(SPEC.getParent());
    int types = ScaleSpec.write(SPEC);
    long start = System.nanoTime();
    Map<String, String> files = PomCodegen.generate(PomCodegen.primary(), SPEC, OUTPUT, "com.example.scale", "com.example.scale.model");
    long generated = System.nanoTime();
    long modelFiles = files.keySet().stream().filter(name -> name.contains("/model/")).count();
    assertEquals(types, modelFiles, "one file per type");
    assertTrue(files.keySet().stream().anyMatch(name -> name.endsWith("/ScaleClient.java")), "the client: " + (files.size() - modelFiles) + " other files");
    JavaTools.compile(OUTPUT, CLASSES);
    long compiled = System.nanoTime();
    JavaTools.javadoc(OUTPUT, Paths.get("target/scale/javadoc"));
    long documented = System.nanoTime();

    Path clientDir = CLASSES.resolve("com/example/scale");
    long modelBytes = jarBytes(CLASSES.resolve("com/example/scale/model"));
    long clientBytes = jarBytes(clientDir, 1);
    double perModel = (double) modelBytes / types;
    double perAction = (double) clientBytes / ScaleSpec.ACTIONS;
    System.out.printf("scale: %d actions, %d types; generate %.1f s, compile %.1f s, javadoc %.1f s;"
            + " jar bytes per model %.0f, per action (client) %.0f%n",
        ScaleSpec.ACTIONS, types, (generated - start) / 1e9, (compiled - generated) / 1e9, (documented - compiled) / 1e9,
        perModel, perAction);
    System.out.println("scale: " + coldStart());
    assertTrue(perModel <= MODEL_BYTES_BUDGET, "jar bytes per model " + perModel + " over the budget " + MODEL_BYTES_BUDGET);
    assertTrue(perAction <= ACTION_BYTES_BUDGET, "jar bytes per action " + perAction + " over the budget " + ACTION_BYTES_BUDGET);
  }

  /** Runs {@link ColdStart} in a fresh JVM; returns its one line. */
  private static String coldStart() throws Exception {
    Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", CLASSES + java.io.File.pathSeparator + System.getProperty("java.class.path"), ColdStart.class.getName())
        .redirectErrorStream(true).start();
    String output;
    try (java.io.InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    }
    assertTrue(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "cold start did not end");
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** A fresh JVM that builds the scale client and initializes every model class, then reports. */
  public static final class ColdStart {
    public static void main(String[] args) throws Exception {
      Class<?> client = Class.forName("com.example.scale.ScaleClient");
      Object builder = client.getMethod("builder").invoke(null);
      builder.getClass().getMethod("credentials", io.github.tcvod.auth.Credentials.class)
          .invoke(builder, io.github.tcvod.auth.Credentials.of("id", "key"));
      AutoCloseable built = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder);
      long clientMs = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      int models = 0;
      try (Stream<Path> walk = Files.list(CLASSES.resolve("com/example/scale/model"))) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).collect(Collectors.toList())) {
          String name = file.getFileName().toString();
          Class<?> model = Class.forName("com.example.scale.model." + name.substring(0, name.length() - 6));
          io.github.tcvod.internal.Json.GSON.getAdapter(model);
          models++;
        }
      }
      long allMs = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      built.close();
      System.out.println("cold start: client built " + clientMs + " ms after JVM start; " + models
          + " model classes and their JSON adapters loaded " + allMs + " ms after JVM start");
    }
  }

  /** Bytes of the class files under {@code dir} (depth 1 when given) in a deflated jar. */
  static long jarBytes(Path dir, int... depth) throws IOException {
    List<Path> classes;
    try (Stream<Path> walk = depth.length == 0 ? Files.walk(dir) : Files.walk(dir, depth[0])) {
      classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
    }
    ByteArrayOutputStream jar = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(jar)) {
      for (Path file : new ArrayList<>(classes)) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return jar.size();
  }
}
