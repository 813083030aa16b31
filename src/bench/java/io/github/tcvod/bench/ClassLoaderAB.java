package io.github.tcvod.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares two builds of the SDK on one benchmark method in one JVM: each build's classes in a
 * class loader of its own (with the same benchmark classes and dependencies), run on this thread in
 * alternating slices, so that drift of a shared machine hits both alike. Reports the CPU time and
 * bytes allocated per call of each, and the median and quartiles of the per-slice ratios B/A.
 *
 * <p>It cancels the machine's drift, not the JIT's: the same classes in two loaders compile
 * differently, by up to 7% in one JVM (BENCHMARKS.md). So the comparison runs in {@code --forks}
 * JVMs (3), which alternate the build loaded first, and the median of their medians is the result.
 *
 * <p>Options: {@code --a DIR} and {@code --b DIR} (the SDK's {@code classes} of each build),
 * {@code --class C} (a class with a public no-argument constructor, an optional public
 * {@code setUp()}, e.g. {@code io.github.tcvod.bench.CodecBenchmarks}), {@code --method M} (public,
 * no arguments, returning non-null), {@code --rounds R} (60), {@code --slice-ms MS} (250),
 * {@code --warmup S} (15) per JVM, {@code --forks N} (3). The rest of the class path is the running JVM's, minus the SDK's own
 * classes.
 */
public final class ClassLoaderAB {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ClassLoaderAB() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoopbackBenchmark.options(args);
    for (String required : new String[] {"a", "b", "class", "method"}) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required (see the class comment)");
      }
    }
    int forks = Integer.parseInt(options.getOrDefault("forks", "3"));
    if (forks > 1) {
      forked(args, forks);
      return;
    }
    String className = options.get("class");
    String methodName = options.get("method");
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "60"));
    long sliceNanos = Long.parseLong(options.getOrDefault("slice-ms", "250")) * 1_000_000L;
    long warmupNanos = (long) (Double.parseDouble(options.getOrDefault("warmup", "15")) * 1e9);
    // Which build loads and compiles first alternates between forks.
    boolean bFirst = Boolean.parseBoolean(options.getOrDefault("b-first", "false"));
    Candidate a;
    Candidate b;
    if (bFirst) {
      b = new Candidate(options.get("b"), className, methodName);
      a = new Candidate(options.get("a"), className, methodName);
    } else {
      a = new Candidate(options.get("a"), className, methodName);
      b = new Candidate(options.get("b"), className, methodName);
    }

    for (long end = System.nanoTime() + warmupNanos; System.nanoTime() < end; ) {
      a.slice(sliceNanos);
      b.slice(sliceNanos);
    }
    List<Double> ratios = new ArrayList<>();
    double[] cpuSums = new double[2];
    for (int round = 0; round < rounds; round++) {
      // Alternate which goes first, so that neither always follows the other's cache footprint.
      double ofA;
      double ofB;
      if (round % 2 == 0) {
        ofA = a.slice(sliceNanos);
        ofB = b.slice(sliceNanos);
      } else {
        ofB = b.slice(sliceNanos);
        ofA = a.slice(sliceNanos);
      }
      ratios.add(ofB / ofA);
      cpuSums[0] += ofA;
      cpuSums[1] += ofB;
    }
    Collections.sort(ratios);
    System.out.printf(Locale.ROOT, "%s.%s, %d rounds of %d ms: B/A CPU per call, median %.3f (quartiles %.3f-%.3f);"
            + " A %.0f ns and %.0f B per call, B %.0f ns and %.0f B%n",
        className, methodName, rounds, sliceNanos / 1_000_000L, ratios.get(rounds / 2), ratios.get(rounds / 4),
        ratios.get(3 * rounds / 4), cpuSums[0] / rounds, a.lastAllocated, cpuSums[1] / rounds, b.lastAllocated);
    System.out.printf(Locale.ROOT, "MEDIAN %.4f%n", ratios.get(rounds / 2));
  }

  /** Runs the comparison in {@code forks} JVMs one after the other and reports the median of their medians. */
  private static void forked(String[] args, int forks) throws Exception {
    List<Double> medians = new ArrayList<>();
    for (int fork = 0; fork < forks; fork++) {
      List<String> command = new ArrayList<>(Arrays.asList(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx512m",
          "-cp", System.getProperty("java.class.path"), ClassLoaderAB.class.getName()));
      command.addAll(Arrays.asList(args));
      command.addAll(Arrays.asList("--forks", "1", "--b-first", Boolean.toString(fork % 2 == 1)));
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("MEDIAN ")) {
            medians.add(Double.parseDouble(line.substring(7)));
          } else {
            System.out.println("fork " + (fork + 1) + ": " + line);
          }
        }
      }
      if (child.waitFor() != 0) {
        throw new IllegalStateException("fork " + (fork + 1) + " failed (exit " + child.exitValue() + ")");
      }
    }
    List<Double> sorted = new ArrayList<>(medians);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "B/A over %d JVMs: median of their medians %.3f (each: %s)%n", forks,
        sorted.get(forks / 2), medians.stream().map(m -> String.format(Locale.ROOT, "%.3f", m)).collect(Collectors.joining(" ")));
  }

  /** One build: its loader, an instance of the benchmark class and the method. */
  private static final class Candidate {
    private final Object target;
    private final Method method;
    private double lastAllocated;

    Candidate(String classes, String className, String methodName) throws Exception {
      List<URL> urls = new ArrayList<>();
      urls.add(new File(classes).toURI().toURL());
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!new File(entry, "io/github/tcvod/VodClient.class").isFile()) {
          urls.add(new File(entry).toURI().toURL());
        }
      }
      ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Class<?> type = loader.loadClass(className);
      target = type.getDeclaredConstructor().newInstance();
      try {
        type.getMethod("setUp").invoke(target);
      } catch (NoSuchMethodException e) {
        // a benchmark without set-up
      }
      method = type.getMethod(methodName);
    }

    /** @return CPU nanoseconds per call over one slice; its bytes allocated per call go to {@link #lastAllocated} */
    double slice(long nanos) throws Exception {
      long thread = Thread.currentThread().getId();
      long calls = 0;
      long cpuBefore = THREADS.getCurrentThreadCpuTime();
      long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
      for (long end = System.nanoTime() + nanos; System.nanoTime() < end; calls += 50) {
        for (int i = 0; i < 50; i++) {
          if (method.invoke(target) == null) {
            throw new IllegalStateException(method + " returned null");
          }
        }
      }
      double cpuPerCall = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / (double) calls;
      lastAllocated = (THREADS.getThreadAllocatedBytes(thread) - allocatedBefore) / (double) calls;
      return cpuPerCall;
    }
  }
}
