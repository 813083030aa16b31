package io.github.tcvod.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two builds of the SDK on one benchmark method in one JVM: each build's classes in a
 * class loader of its own (with the same benchmark classes and dependencies), run on this thread in
 * alternating slices, so that drift of a shared machine hits both alike. Reports the CPU time and
 * bytes allocated per call of each, and the median and quartiles of the per-slice ratios B/A.
 *
 * <p>It cancels the machine's drift, not the JIT's: the same classes in two loaders compile
 * differently, by up to 7% (BENCHMARKS.md), so run it in several JVMs before believing a small
 * difference.
 *
 * <p>Options: {@code --a DIR} and {@code --b DIR} (the SDK's {@code classes} of each build),
 * {@code --class C} (a class with a public no-argument constructor, an optional public
 * {@code setUp()}, e.g. {@code io.github.tcvod.bench.CodecBenchmarks}), {@code --method M} (public,
 * no arguments, returning non-null), {@code --rounds R} (60), {@code --slice-ms MS} (250),
 * {@code --warmup S} (15). The rest of the class path is the running JVM's, minus the SDK's own
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
    String className = options.get("class");
    String methodName = options.get("method");
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "60"));
    long sliceNanos = Long.parseLong(options.getOrDefault("slice-ms", "250")) * 1_000_000L;
    long warmupNanos = (long) (Double.parseDouble(options.getOrDefault("warmup", "15")) * 1e9);
    Candidate a = new Candidate(options.get("a"), className, methodName);
    Candidate b = new Candidate(options.get("b"), className, methodName);

    for (long end = System.nanoTime() + warmupNanos; System.nanoTime() < end; ) {
      a.slice(sliceNanos);
      b.slice(sliceNanos);
    }
    List<Double> ratios = new ArrayList<>();
    double[] cpuSums = new double[2];
    for (int round = 0; round < rounds; round++) {
      // Alternate which goes first, so that neither always follows the other's cache footprint.
      double[] first = (round % 2 == 0 ? a : b).slice(sliceNanos);
      double[] second = (round % 2 == 0 ? b : a).slice(sliceNanos);
      double[] ofA = round % 2 == 0 ? first : second;
      double[] ofB = round % 2 == 0 ? second : first;
      ratios.add(ofB[0] / ofA[0]);
      cpuSums[0] += ofA[0];
      cpuSums[1] += ofB[0];
    }
    Collections.sort(ratios);
    System.out.printf(Locale.ROOT, "%s.%s, %d rounds of %d ms: B/A CPU per call, median %.3f (quartiles %.3f-%.3f);"
            + " A %.0f ns and %.0f B per call, B %.0f ns and %.0f B%n",
        className, methodName, rounds, sliceNanos / 1_000_000L, ratios.get(rounds / 2), ratios.get(rounds / 4),
        ratios.get(3 * rounds / 4), cpuSums[0] / rounds, a.lastAllocated, cpuSums[1] / rounds, b.lastAllocated);
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

    /** @return CPU nanoseconds and bytes allocated per call over one slice */
    double[] slice(long nanos) throws Exception {
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
      lastAllocated = (THREADS.getThreadAllocatedBytes(thread) - allocatedBefore) / (double) calls;
      return new double[] {(THREADS.getCurrentThreadCpuTime() - cpuBefore) / (double) calls, lastAllocated};
    }
  }
}
