package io.github.tcvod.bench;

import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * End-to-end loopback benchmark, bounded in calls and time, against a local server answering the
 * seed response: (a) the SDK's describeProcessImageAsyncTemplates, (b) raw OkHttp posting a
 * pre-built, pre-signed request (the transport's limit), (c) a raw socket loop (the machine's
 * limit), each with 1 and 4 threads; then cold start in a fresh JVM and the footprint.
 *
 * <p>Every mode is warmed up first; then the modes take turns for several rounds, and each
 * reports its median round, so that JIT warm-up and drift hit them alike. Options:
 * {@code --calls N} per run (default 20000), {@code --seconds S} cap per run (default 4),
 * {@code --rounds R} (default 3), {@code --modes sdk,raw-okhttp,raw-socket}, {@code --threads 1,4},
 * {@code --svg FILE} for the chart (default target/benchmarks.svg).
 */
public final class LoopbackBenchmark {
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  private static final byte[] BODY = "{\"SubAppId\":221073,\"Definitions\":[7]}".getBytes(StandardCharsets.UTF_8);
  private static final String CONTENT_TYPE = "application/json; charset=utf-8";

  interface Caller {
    void call() throws IOException;
  }

  interface CallerFactory {
    Caller newCaller() throws IOException;
  }

  static final class Result {
    final String mode;
    final int threads;
    final double callsPerSecond;
    final double p50Micros;
    final double p99Micros;
    /** CPU time of the calling threads per call: what the client itself costs. */
    double cpuMicrosPerCall;
    /** Connections the run opened. */
    int newConnections;

    Result(String mode, int threads, double callsPerSecond, double p50Micros, double p99Micros) {
      this.mode = mode;
      this.threads = threads;
      this.callsPerSecond = callsPerSecond;
      this.p50Micros = p50Micros;
      this.p99Micros = p99Micros;
    }
  }

  private LoopbackBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int calls = Integer.parseInt(options.getOrDefault("calls", "20000"));
    long capNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("seconds", "4")));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    List<String> wanted = Arrays.asList(options.getOrDefault("modes", "sdk,raw-okhttp,raw-socket").split(","));
    int[] threadCounts = Arrays.stream(options.getOrDefault("threads", "1,4").split(",")).mapToInt(Integer::parseInt).toArray();
    Path svg = Paths.get(options.getOrDefault("svg", "target/benchmarks.svg"));

    try (LoopbackServer server = new LoopbackServer(Payloads.seedResponse())) {
      String endpoint = "http://127.0.0.1:" + server.port();
      System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
          + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
          + " " + System.getProperty("os.arch"));
      System.out.println("server: 127.0.0.1:" + server.port() + ", keep-alive, the seed response (" + Payloads.seedResponse().length + " bytes)");
      System.out.println("runs: up to " + calls + " calls or " + TimeUnit.NANOSECONDS.toSeconds(capNanos) + " s each, "
          + rounds + " rounds taking turns after a warm-up; the median round is reported");
      System.out.println();

      VodClient sdk = VodClient.builder().endpoint(endpoint).credentials(Credentials.of("AKIDbench", "bench-key"))
          .rateLimit(RateLimit.disabled()).build();
      DescribeProcessImageAsyncTemplatesRequest request =
          DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build();
      OkHttpClient raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
      Request signed = preSigned(endpoint, server.port());
      byte[] rawRequest = rawBytes(signed, server.port());

      Map<String, CallerFactory> modes = new LinkedHashMap<>();
      modes.put("sdk", () -> () -> sdk.describeProcessImageAsyncTemplates(request));
      modes.put("raw-okhttp", () -> () -> {
        try (Response response = raw.newCall(signed).execute()) {
          response.body().bytes();
        }
      });
      modes.put("raw-socket", () -> rawSocketCaller(server.port(), rawRequest));

      modes.keySet().retainAll(wanted);
      for (Map.Entry<String, CallerFactory> mode : modes.entrySet()) {
        run(mode.getValue(), 1, 30_000, TimeUnit.SECONDS.toNanos(5));
      }
      List<Result> results = new ArrayList<>();
      System.out.printf(Locale.ROOT, "%-11s %7s %12s %10s %10s %14s %12s%n", "mode", "threads", "calls/s", "p50 us", "p99 us", "client cpu us", "connections");
      for (int threads : threadCounts) {
        Map<String, List<Result>> byMode = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
          for (Map.Entry<String, CallerFactory> mode : modes.entrySet()) {
            int connectionsBefore = server.accepted.get();
            Result result = summarize(mode.getKey(), threads, run(mode.getValue(), threads, calls, capNanos));
            result.newConnections = server.accepted.get() - connectionsBefore;
            byMode.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add(result);
          }
        }
        for (List<Result> runs : byMode.values()) {
          runs.sort((a, b) -> Double.compare(a.callsPerSecond, b.callsPerSecond));
          Result result = runs.get(runs.size() / 2);
          results.add(result);
          System.out.printf(Locale.ROOT, "%-11s %7d %12.0f %10.1f %10.1f %14.1f %12d%n", result.mode, result.threads,
              result.callsPerSecond, result.p50Micros, result.p99Micros, result.cpuMicrosPerCall, result.newConnections);
        }
      }
      System.out.println();
      if (modes.keySet().containsAll(Arrays.asList("sdk", "raw-okhttp", "raw-socket"))) {
        for (int threads : threadCounts) {
          Result sdkResult = find(results, "sdk", threads);
          Result okhttp = find(results, "raw-okhttp", threads);
          Result socket = find(results, "raw-socket", threads);
          System.out.printf(Locale.ROOT, "ratio %d thread%s: sdk/raw-okhttp throughput %.2f (p50 %.2fx), raw-okhttp/raw-socket %.2f%n",
              threads, threads == 1 ? "" : "s", sdkResult.callsPerSecond / okhttp.callsPerSecond,
              sdkResult.p50Micros / okhttp.p50Micros, okhttp.callsPerSecond / socket.callsPerSecond);
        }
      }
      sdk.close();
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();

      System.out.println();
      coldStart(endpoint);
      footprint();
      writeSvg(svg, results);
      System.out.println("chart: " + svg.toAbsolutePath());
    }
  }

  private static Request preSigned(String endpoint, int port) {
    long now = System.currentTimeMillis() / 1000;
    String host = "127.0.0.1:" + port;
    String authorization = Tc3Signer.create().authorization(Credentials.of("AKIDbench", "bench-key"), "vod", now, host, CONTENT_TYPE, BODY);
    return new Request.Builder().url(endpoint).post(RequestBody.create(BODY, MediaType.get(CONTENT_TYPE)))
        .header("Host", host).header("Authorization", authorization).header("X-TC-Timestamp", Long.toString(now))
        .header("X-TC-Action", "DescribeProcessImageAsyncTemplates").header("X-TC-Version", "2018-07-17").build();
  }

  private static byte[] rawBytes(Request signed, int port) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
    for (int i = 0; i < signed.headers().size(); i++) {
      head.append(signed.headers().name(i)).append(": ").append(signed.headers().value(i)).append("\r\n");
    }
    head.append("Content-Type: ").append(CONTENT_TYPE).append("\r\nContent-Length: ").append(BODY.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(BODY);
    return out.toByteArray();
  }

  private static Caller rawSocketCaller(int port, byte[] request) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    OutputStream out = socket.getOutputStream();
    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    byte[] body = new byte[64 * 1024];
    return () -> {
      out.write(request);
      out.flush();
      int length = LoopbackServer.readHead(in);
      int read = 0;
      while (read < length) {
        int n = in.read(body, read, length - read);
        if (n < 0) {
          throw new IOException("closed");
        }
        read += n;
      }
    };
  }

  /** @return per-thread latencies in nanoseconds, the last element of each the elapsed run time */
  private static long[][] run(CallerFactory factory, int threads, int calls, long capNanos) throws Exception {
    long[][] latencies = new long[threads][];
    Caller[] callers = new Caller[threads];
    for (int t = 0; t < threads; t++) {
      callers[t] = factory.newCaller();
    }
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    Exception[] failure = new Exception[1];
    int perThread = calls / threads;
    long[] elapsed = new long[1];
    long[] cpu = new long[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers[t] = new Thread(() -> {
        long[] own = new long[perThread];
        int done = 0;
        try {
          start.await();
          long cpuBefore = THREADS.getCurrentThreadCpuTime();
          long begin = System.nanoTime();
          long stopAt = begin + capNanos;
          while (done < perThread) {
            long before = System.nanoTime();
            callers[index].call();
            long after = System.nanoTime();
            own[done++] = after - before;
            if (after > stopAt) {
              break;
            }
          }
          cpu[index] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        } catch (Exception e) {
          failure[0] = e;
        }
        latencies[index] = Arrays.copyOf(own, done);
      });
      workers[t].start();
    }
    long begin = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    elapsed[0] = System.nanoTime() - begin;
    if (failure[0] != null) {
      throw failure[0];
    }
    long[][] withElapsed = Arrays.copyOf(latencies, threads + 2);
    withElapsed[threads] = elapsed;
    withElapsed[threads + 1] = cpu;
    return withElapsed;
  }

  private static Result summarize(String mode, int threads, long[][] run) {
    long elapsed = run[threads][0];
    int total = 0;
    for (int t = 0; t < threads; t++) {
      total += run[t].length;
    }
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(run[t], 0, all, at, run[t].length);
      at += run[t].length;
    }
    Arrays.sort(all);
    Result result = new Result(mode, threads, total / (elapsed / 1e9), all[total / 2] / 1e3, all[(int) (total * 0.99)] / 1e3);
    result.cpuMicrosPerCall = Arrays.stream(run[threads + 1]).sum() / 1e3 / total;
    return result;
  }

  private static Result find(List<Result> results, String mode, int threads) {
    return results.stream().filter(r -> r.mode.equals(mode) && r.threads == threads).findFirst().orElseThrow(IllegalStateException::new);
  }

  private static void coldStart(String endpoint) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), endpoint)
          .redirectErrorStream(true).start();
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
      if (name.matches("(okhttp-jvm|okio-jvm|kotlin-stdlib|annotations|gson|error_prone_annotations)-[0-9.]+\\.jar")) {
        long size = Files.size(Paths.get(entry));
        total += size;
        parts.append(String.format(Locale.ROOT, "%n  %-44s %8.0f KB", name, size / 1024.0));
      }
    }
    System.out.printf(Locale.ROOT, "footprint: our jar and the runtime closure %.1f MB:%s%n", total / 1024.0 / 1024.0, parts);
  }

  private static void writeSvg(Path file, List<Result> results) throws IOException {
    double max = results.stream().mapToDouble(r -> r.callsPerSecond).max().orElse(1);
    int barHeight = 26;
    int top = 40;
    int left = 150;
    int width = 460;
    StringBuilder svg = new StringBuilder();
    int height = top + results.size() * (barHeight + 8) + 30;
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"").append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
        .append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Loopback throughput, calls/s (seed response)</text>\n");
    int y = top;
    for (Result r : results) {
      int bar = (int) Math.round(width * r.callsPerSecond / max);
      String color = r.mode.equals("sdk") ? "#2b6cb0" : r.mode.equals("raw-okhttp") ? "#68a0d8" : "#a0aec0";
      svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s, %d thread%s</text>%n", y + 18, r.mode, r.threads, r.threads == 1 ? "" : "s"))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", left, y, bar, barHeight, color))
          .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.0f</text>%n", left + bar + 6, y + 18, r.callsPerSecond));
      y += barHeight + 8;
    }
    svg.append("</svg>\n");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, svg.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are --calls N, --seconds S, --svg FILE; got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
