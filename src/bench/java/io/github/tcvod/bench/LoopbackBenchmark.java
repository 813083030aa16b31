package io.github.tcvod.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * End-to-end loopback benchmark, bounded in time. A server in a process of its own answers the seed
 * response ({@link LoopbackServer}); each client mode runs in a fresh JVM of its own
 * ({@link LoopbackClient}), one after the other, in an order that alternates between rounds
 * (A B C D E, then E D C B A, ...), so that drift of the machine hits every mode alike. Each client JVM
 * warms up until its CPU per call has settled, then measures calls/s, p50/p99, the calling threads'
 * CPU and allocated bytes per call. Ratios against raw OkHttp (for sdk-defaults, raw OkHttp paced to
 * the same 20 calls/s) are printed per round and as the median over the rounds; then cold start, footprint and the chart.
 *
 * <p>Options: {@code --rounds R} (3), {@code --modes sdk-defaults,raw-okhttp-20/s,sdk,raw-okhttp,raw-socket}
 * (also {@code raw-okhttp+gson-tree} and {@code raw-okhttp-untimed}),
 * {@code --threads 1,4}, {@code --warmup S} longest warm-up of each thread count (30), {@code --warmup-min S} (8),
 * {@code --seconds S} measurement (5), {@code --settle F} largest spread of CPU per call over the
 * last three one-second warm-up windows (0.05), {@code --jit-quiet MS} most compilation time in each of those
 * windows (50), {@code --jvm "ARGS"} added to the client JVMs' options
 * ({@code -Xms512m -Xmx512m}), {@code --svg FILE} (target/benchmarks.svg), {@code --cold-start false},
 * {@code --okhttp DIR}: the client JVMs (SDK and raw OkHttp alike) take OkHttp, Okio and the Kotlin
 * runtime from the jars in DIR instead of the build's, e.g. {@code target/api-range/okhttp5} (OkHttp 5,
 * which the build copies there), {@code --pin true}: the server JVM runs on the last CPU and the
 * client JVMs on the others ({@code taskset}), so that every mode's calls cross between the same cores.
 * {@code --sdk-b DIR}: mode {@code sdk-b} is mode {@code sdk} run with the SDK's classes from DIR (another
 * build's {@code target/classes}) instead of this build's, so that two builds of the SDK are compared in one
 * run, their rounds interleaved, against the same raw OkHttp.
 */
public final class LoopbackBenchmark {
  private static final String BASELINE = "raw-okhttp";

  /** The baseline of sdk-defaults, which the documented rate limit paces to 20 calls/s. */
  private static final String PACED_BASELINE = "raw-okhttp-20/s";

  /** One client JVM's figures for one thread count. */
  static final class Result {
    final Map<String, String> fields = new LinkedHashMap<>();

    String mode() {
      return fields.get("mode");
    }

    int threads() {
      return Integer.parseInt(fields.get("threads"));
    }

    double number(String name) {
      return Double.parseDouble(fields.get(name));
    }

    boolean settled() {
      return Boolean.parseBoolean(fields.get("settled"));
    }

    static Result parse(String line) {
      Result result = new Result();
      for (String field : line.substring("RESULT ".length()).split(" ")) {
        int eq = field.indexOf('=');
        result.fields.put(field.substring(0, eq), field.substring(eq + 1));
      }
      return result;
    }
  }

  private LoopbackBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    List<String> modes = Arrays.asList(options.getOrDefault("modes", "sdk-defaults,raw-okhttp-20/s,sdk,raw-okhttp,raw-socket").split(","));
    String threads = options.getOrDefault("threads", "1,4");
    int[] threadCounts = Arrays.stream(threads.split(",")).mapToInt(Integer::parseInt).toArray();
    double warmup = Double.parseDouble(options.getOrDefault("warmup", "30"));
    double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
    List<String> clientJvm = Arrays.asList(("-Xms512m -Xmx512m " + options.getOrDefault("jvm", "")).trim().split("\\s+"));
    Path svg = Paths.get(options.getOrDefault("svg", "target/benchmarks.svg"));
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    String clientClasspath = options.containsKey("okhttp") ? withOkHttpOf(classpath, Paths.get(options.get("okhttp"))) : classpath;
    String otherBuildClasspath = options.containsKey("sdk-b") ? withSdkClassesOf(clientClasspath, Paths.get(options.get("sdk-b"))) : null;
    if (modes.contains("sdk-b") && otherBuildClasspath == null) {
      throw new IllegalArgumentException("mode sdk-b needs --sdk-b DIR, the other build's classes");
    }

    // With --pin, the server has the last CPU and every client JVM the others: where the scheduler
    // places the two sides of a call otherwise changes one thread's CPU per call by a third.
    List<String> serverPin = pinned(options, true);
    List<String> clientPin = pinned(options, false);
    long deadlineMillis = TimeUnit.SECONDS.toMillis((long) (threadCounts.length * (warmup + seconds + 5) + 60));
    // The server outlives every client JVM the plan allows for, and the cold starts after them.
    long serverSeconds = TimeUnit.MILLISECONDS.toSeconds(deadlineMillis) * rounds * modes.size() + 900;
    List<String> serverCommand = new ArrayList<>(serverPin);
    serverCommand.addAll(Arrays.asList(java, "-Xms64m", "-Xmx64m", "-cp", classpath, LoopbackServer.class.getName(),
        Long.toString(serverSeconds)));
    Process server = new ProcessBuilder(serverCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
      String portLine = serverOut.readLine();
      if (portLine == null || !portLine.startsWith("PORT ")) {
        throw new IllegalStateException("the loopback server did not start: " + portLine);
      }
      String endpoint = "http://127.0.0.1:" + portLine.substring(5).trim();
      Path request = Paths.get("target", "bench-wire-request.http");
      Files.createDirectories(request.getParent());
      Files.write(request, WireRequest.capture(endpoint));

      System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
          + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
          + " " + System.getProperty("os.arch") + "; load average before the run: " + loadAverage());
      System.out.println("server: its own JVM at " + endpoint + ", keep-alive, the seed response (" + Payloads.seedResponse().length
          + " bytes); request: the SDK's own wire bytes (" + Files.size(request) + " bytes)");
      System.out.println("okhttp of the clients: " + okHttpJars(clientClasspath));
      System.out.println("cpus: " + (serverPin.isEmpty() ? "wherever the scheduler puts them"
          : "server " + String.join(" ", serverPin) + ", clients " + String.join(" ", clientPin)));
      System.out.println("clients: a fresh JVM (" + String.join(" ", clientJvm) + ") per mode and round, modes in alternating order; "
          + "warm-up until client CPU per call settles and the JIT is quiet (at most " + warmup + " s), then " + seconds
          + " s measured per thread count");
      System.out.println();

      List<Result> all = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        List<String> order = new ArrayList<>(modes);
        if (round % 2 == 0) {
          Collections.reverse(order);
        }
        List<Result> results = new ArrayList<>();
        for (String mode : order) {
          List<String> command = new ArrayList<>(clientPin);
          command.add(java);
          command.addAll(clientJvm);
          command.addAll(Arrays.asList("-cp", mode.equals("sdk-b") ? otherBuildClasspath : clientClasspath,
              LoopbackClient.class.getName(), "--mode", mode, "--endpoint", endpoint,
              "--request", request.toString(), "--threads", threads, "--warmup", Double.toString(warmup),
              "--seconds", Double.toString(seconds)));
          for (String passed : Arrays.asList("warmup-min", "settle", "jit-quiet")) {
            if (options.containsKey(passed)) {
              command.addAll(Arrays.asList("--" + passed, options.get(passed)));
            }
          }
          results.addAll(runClient(command, deadlineMillis));
        }
        all.addAll(results);
        System.out.println("round " + round + " (order " + String.join(", ", order) + "):");
        printTable(results, threadCounts, modes);
        printRatios(Collections.singletonList(results), threadCounts, modes, "  ");
        System.out.println();
      }

      System.out.println("median of " + rounds + " rounds, per mode:");
      List<Result> medians = medians(all, threadCounts, modes);
      printTable(medians, threadCounts, modes);
      System.out.println("median of the per-round ratios:");
      List<List<Result>> byRound = new ArrayList<>();
      int perRound = all.size() / rounds;
      for (int r = 0; r < rounds; r++) {
        byRound.add(all.subList(r * perRound, (r + 1) * perRound));
      }
      printRatios(byRound, threadCounts, modes, "  ");
      List<String> unsettled = all.stream().filter(r -> !r.settled())
          .map(r -> r.mode() + "/" + r.threads() + " (windows " + r.fields.get("windowsCpuUs") + " us, JIT "
              + r.fields.get("windowsJitMs") + " ms)").collect(Collectors.toList());
      System.out.println(unsettled.isEmpty() ? "CPU per call settled during every warm-up."
          : "CPU per call had NOT settled by the end of the warm-up in " + unsettled.size() + " of " + all.size() + " runs: "
              + String.join("; ", unsettled));
      System.out.println("load average after the run: " + loadAverage());
      System.out.println();

      if (Boolean.parseBoolean(options.getOrDefault("cold-start", "true"))) {
        coldStart(java, classpath, endpoint);
      }
      footprint();
      writeSvg(svg, medians);
      System.out.println("chart: " + svg.toAbsolutePath());
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(5, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static List<Result> runClient(List<String> command, long deadlineMillis) throws Exception {
    Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<Result> results = new ArrayList<>();
    List<String> other = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("RESULT ")) {
            synchronized (results) {
              results.add(Result.parse(line));
            }
          } else {
            synchronized (other) {
              other.add(line);
            }
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.start();
    if (!client.waitFor(deadlineMillis, TimeUnit.MILLISECONDS)) {
      client.destroyForcibly();
      throw new IllegalStateException("client JVM did not finish in " + deadlineMillis + " ms: " + command);
    }
    reader.join(5000);
    if (client.exitValue() != 0 || results.isEmpty()) {
      throw new IllegalStateException("client JVM failed (exit " + client.exitValue() + "): " + String.join("\n", other));
    }
    for (String line : other) {
      System.out.println("  [client] " + line);
    }
    return results;
  }

  private static void printTable(List<Result> results, int[] threadCounts, List<String> modes) {
    System.out.printf(Locale.ROOT, "  %-15s %7s %10s %9s %9s %12s %13s %14s %4s%n", "mode", "threads", "calls/s", "p50 us",
        "p99 us", "cpu us/call", "alloc B/call", "proc cpu us/c", "gcs");
    for (int threads : threadCounts) {
      for (String mode : modes) {
        Result r = find(results, mode, threads);
        if (r != null) {
          System.out.printf(Locale.ROOT, "  %-15s %7d %10.0f %9.1f %9.1f %11.1f%s %13.0f %14.1f %4s%n", mode, threads,
              r.number("callsPerSecond"), r.number("p50us"), r.number("p99us"), r.number("cpuUsPerCall"), r.settled() ? " " : "*",
              r.number("allocBytesPerCall"), r.number("processCpuUsPerCall"), r.fields.get("gcs"));
        }
      }
    }
  }

  /**
   * Ratios of each mode against raw OkHttp, each the median over the given rounds: sdk-defaults
   * against raw OkHttp paced to the same 20 calls/s, the others against raw OkHttp at full speed.
   */
  private static void printRatios(List<List<Result>> rounds, int[] threadCounts, List<String> modes, String indent) {
    for (int threads : threadCounts) {
      for (String mode : modes) {
        String baseline = mode.equals("sdk-defaults") ? PACED_BASELINE : BASELINE;
        if (mode.equals(BASELINE) || mode.equals(PACED_BASELINE)) {
          continue;
        }
        printRatio(rounds, mode, baseline, threads, indent);
        if (mode.equals("sdk-b")) {
          // the two builds against each other, the figure an A/B run is for
          printRatio(rounds, mode, "sdk", threads, indent);
        }
      }
    }
  }

  private static void printRatio(List<List<Result>> rounds, String mode, String baseline, int threads, String indent) {
    double calls = medianRatio(rounds, mode, baseline, threads, r -> r.number("callsPerSecond"));
    double cpu = medianRatio(rounds, mode, baseline, threads, r -> r.number("cpuUsPerCall"));
    double alloc = medianRatio(rounds, mode, baseline, threads, r -> r.number("allocBytesPerCall"));
    if (Double.isNaN(calls)) {
      return;
    }
    System.out.printf(Locale.ROOT, "%s%s/%s, %d thread%s: calls/s %.2f, cpu per call %.2fx, allocation per call %.2fx%n", indent,
        mode, baseline, threads, threads == 1 ? "" : "s", calls, cpu, alloc);
  }

  private static double medianRatio(List<List<Result>> rounds, String mode, String baseline, int threads,
      ToDoubleFunction<Result> metric) {
    List<Double> ratios = new ArrayList<>();
    for (List<Result> round : rounds) {
      Result r = find(round, mode, threads);
      Result base = find(round, baseline, threads);
      if (r != null && base != null) {
        ratios.add(metric.applyAsDouble(r) / metric.applyAsDouble(base));
      }
    }
    return median(ratios);
  }

  private static List<Result> medians(List<Result> all, int[] threadCounts, List<String> modes) {
    List<Result> medians = new ArrayList<>();
    for (int threads : threadCounts) {
      for (String mode : modes) {
        List<Result> runs = all.stream().filter(r -> r.mode().equals(mode) && r.threads() == threads).collect(Collectors.toList());
        if (runs.isEmpty()) {
          continue;
        }
        Result median = new Result();
        median.fields.putAll(runs.get(0).fields);
        for (String field : Arrays.asList("callsPerSecond", "p50us", "p99us", "cpuUsPerCall", "allocBytesPerCall", "processCpuUsPerCall", "gcs")) {
          median.fields.put(field, Double.toString(median(runs.stream().map(r -> r.number(field)).collect(Collectors.toList()))));
        }
        median.fields.put("gcs", String.format(Locale.ROOT, "%.0f", Double.parseDouble(median.fields.get("gcs"))));
        median.fields.put("settled", Boolean.toString(runs.stream().allMatch(Result::settled)));
        medians.add(median);
      }
    }
    return medians;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static Result find(List<Result> results, String mode, int threads) {
    return results.stream().filter(r -> r.mode().equals(mode) && r.threads() == threads).findFirst().orElse(null);
  }

  private static String loadAverage() {
    try {
      return new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII).trim();
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static void coldStart(String java, String classpath, String endpoint) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Process child = new ProcessBuilder(java, "-cp", classpath, ColdStart.class.getName(), endpoint).redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
        throw new IllegalStateException("cold-start run failed: " + output);
      }
      lines.add(output);
    }
    lines.sort((a, b) -> Long.compare(millis(a), millis(b)));
    System.out.println("cold start (fresh JVM to first completed call; median of 3): " + lines.get(1));
  }

  private static long millis(String line) {
    return Long.parseLong(line.replaceAll(".*coldStartMillis=(\\d+).*", "$1"));
  }

  private static void footprint() throws IOException {
    long total = 0;
    StringBuilder parts = new StringBuilder();
    File[] ours = new File("target").listFiles((dir, name) -> name.matches("tcvod-sdk-[^-]+(-SNAPSHOT)?\\.jar"));
    if (ours != null && ours.length == 1) {
      total += ours[0].length();
      parts.append(String.format(Locale.ROOT, "%n  %-44s %8.0f KB", ours[0].getName(), ours[0].length() / 1024.0));
    } else {
      parts.append("\n  (our jar: run 'package' first)");
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Paths.get(entry).getFileName().toString();
      if (name.matches("(okhttp|okhttp-jvm|okio|okio-jvm|kotlin-stdlib(-common|-jdk7|-jdk8)?|annotations|gson|error_prone_annotations)-[0-9.]+\\.jar")) {
        long size = Files.size(Paths.get(entry));
        total += size;
        parts.append(String.format(Locale.ROOT, "%n  %-44s %8.0f KB", name, size / 1024.0));
      }
    }
    System.out.printf(Locale.ROOT, "footprint: our jar and the runtime closure %.1f MB:%s%n", total / 1024.0 / 1024.0, parts);
  }

  /** Throughput bars (median calls/s) with CPU and allocation per call written beside each. */
  private static void writeSvg(Path file, List<Result> results) throws IOException {
    double max = results.stream().mapToDouble(r -> r.number("callsPerSecond")).max().orElse(1);
    int barHeight = 26;
    int top = 40;
    int left = 170;
    int width = 330;
    StringBuilder svg = new StringBuilder();
    int height = top + results.size() * (barHeight + 8) + 30;
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"820\" height=\"").append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
        .append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Loopback, seed response: calls/s (median), "
            + "client CPU and allocation per call</text>\n");
    int y = top;
    for (Result r : results) {
      double calls = r.number("callsPerSecond");
      int bar = (int) Math.max(1, Math.round(width * calls / max));
      String color = r.mode().startsWith("sdk") ? "#2b6cb0" : r.mode().startsWith(BASELINE) ? "#68a0d8" : "#a0aec0";
      svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s, %d thread%s</text>%n", y + 18, r.mode(), r.threads(),
              r.threads() == 1 ? "" : "s"))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", left, y, bar, barHeight, color))
          .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.0f/s, %.0f us, %.1f KB</text>%n", left + bar + 6, y + 18, calls,
              r.number("cpuUsPerCall"), r.number("allocBytesPerCall") / 1024));
      y += barHeight + 8;
    }
    svg.append("</svg>\n");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, svg.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** @return the {@code taskset} prefix of the server's or the clients' command with {@code --pin true}, else none */
  private static List<String> pinned(Map<String, String> options, boolean server) {
    int cpus = Runtime.getRuntime().availableProcessors();
    if (!Boolean.parseBoolean(options.getOrDefault("pin", "false")) || cpus < 2) {
      return Collections.emptyList();
    }
    return Arrays.asList("taskset", "-c", server ? Integer.toString(cpus - 1) : cpus == 2 ? "0" : "0-" + (cpus - 2));
  }

  /** @return the class path with its OkHttp, Okio and Kotlin jars replaced by the jars in {@code dir} */
  static String withOkHttpOf(String classpath, Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!isOkHttpRuntime(entry)) {
        entries.add(entry);
      }
    }
    try (java.util.stream.Stream<Path> jars = Files.list(dir)) {
      jars.map(Path::toString).filter(LoopbackBenchmark::isOkHttpRuntime).sorted().forEach(entries::add);
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** @return the class path with the SDK's own classes ({@code target/classes}) replaced by {@code dir} */
  static String withSdkClassesOf(String classpath, Path dir) {
    Path ours = Paths.get("target", "classes").toAbsolutePath();
    List<String> entries = new ArrayList<>();
    boolean replaced = false;
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (Paths.get(entry).toAbsolutePath().equals(ours)) {
        entries.add(dir.toAbsolutePath().toString());
        replaced = true;
      } else {
        entries.add(entry);
      }
    }
    if (!replaced) {
      throw new IllegalStateException("the class path has no " + ours + " to replace: " + classpath);
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static boolean isOkHttpRuntime(String entry) {
    String name = Paths.get(entry).getFileName().toString();
    return name.endsWith(".jar") && (name.startsWith("okhttp") || name.startsWith("okio") || name.startsWith("kotlin-stdlib")
        || name.startsWith("annotations-13"));
  }

  private static String okHttpJars(String classpath) {
    List<String> names = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (isOkHttpRuntime(entry)) {
        names.add(Paths.get(entry).getFileName().toString());
      }
    }
    return String.join(", ", names);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value pairs (see the class comment); got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
