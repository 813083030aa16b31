package io.github.tcvod.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One client mode in a JVM of its own, started by {@link LoopbackBenchmark}: for each thread count,
 * a warm-up in one-second windows until the client CPU per call has settled and the JIT has gone
 * quiet (or the warm-up's time is up, which the result says), then a timed measurement. Prints one
 * {@code RESULT} line per thread count. The calling threads are measured from outside
 * (ThreadMXBean), so the loop itself allocates nothing.
 *
 * <p>Modes: {@code sdk-defaults} (the client a user gets: only endpoint and credentials set, so
 * the documented rate limit of 20 calls/s applies; its JIT is warmed with a twin client whose
 * limit never binds, and at 20 calls/s its CPU per call is that of a colder JIT and cache than the
 * other modes' hot loops), {@code sdk} (the rate limiter off: the throughput row), {@code raw-okhttp} (the SDK's wire
 * request, built once, through a default OkHttp client of the same version), {@code raw-okhttp+gson-tree} (the
 * same, and the answer parsed into Gson's JSON tree: the least a hand-written client does), {@code raw-okhttp-untimed}
 * (raw-okhttp without read and write timeouts, so without Okio's timeout queue, as the SDK's own client), {@code raw-okhttp-20/s}
 * (the same, paced to 20 calls/s after a full-speed warm-up: the baseline of sdk-defaults' CPU per
 * call), {@code raw-socket} (the same bytes on a socket).
 */
public final class LoopbackClient {
  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  interface Caller {
    void call() throws IOException;
  }

  /** A mode: a caller per thread for the warm-up and for the measurement (the same but for sdk-defaults). */
  interface Mode {
    Caller warmupCaller() throws IOException;

    Caller measuredCaller() throws IOException;

    /** @return whether the measured caller is another client than the warm-up's */
    default boolean switchesClient() {
      return false;
    }
  }

  private LoopbackClient() {
  }

  static DescribeProcessImageAsyncTemplatesRequest seedRequest() {
    return DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build();
  }

  /**
   * @param args {@code --mode M --endpoint URL --request FILE --threads 1,4 --warmup-min S --warmup S --seconds S
   *     --settle F --jit-quiet MS}
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoopbackBenchmark.options(args);
    String endpoint = options.get("endpoint");
    byte[] wire = Files.readAllBytes(Paths.get(options.get("request")));
    double minWarmup = Double.parseDouble(options.getOrDefault("warmup-min", "8"));
    double maxWarmup = Double.parseDouble(options.getOrDefault("warmup", "30"));
    double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
    double settle = Double.parseDouble(options.getOrDefault("settle", "0.05"));
    long jitQuietMillis = Long.parseLong(options.getOrDefault("jit-quiet", "50"));
    int[] threadCounts = Arrays.stream(options.getOrDefault("threads", "1,4").split(",")).mapToInt(Integer::parseInt).toArray();
    String modeName = options.get("mode");

    List<AutoCloseable> resources = new ArrayList<>();
    Mode mode = mode(modeName, endpoint, wire, resources);
    for (int i = 0; i < threadCounts.length; i++) {
      // Every thread count warms up until settled: new threads and connections take branches the
      // compiled code never saw (a ThreadLocal's first value, a new connection), and C2 throws away
      // and recompiles hundreds of methods, the SDK's largest among them.
      Phase phase = new Phase(mode, threadCounts[i]);
      phase.run(minWarmup, maxWarmup, seconds, settle, jitQuietMillis);
      System.out.println(phase.result(modeName));
      System.out.flush();
    }
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    System.exit(0);
  }

  private static Mode mode(String name, String endpoint, byte[] wire, List<AutoCloseable> resources) {
    DescribeProcessImageAsyncTemplatesRequest request = seedRequest();
    Credentials credentials = Credentials.of("AKIDbench", "bench-key");
    switch (name) {
      case "sdk-defaults": {
        VodClient defaults = VodClient.builder().endpoint(endpoint).credentials(credentials).build();
        // A limit that never binds: the warm-up compiles the token-bucket path the measured calls take.
        VodClient twin = VodClient.builder().endpoint(endpoint).credentials(credentials).rateLimit(RateLimit.perSecond(1e9)).build();
        resources.add(defaults);
        resources.add(twin);
        return modeOf(() -> twin.describeProcessImageAsyncTemplates(request), () -> defaults.describeProcessImageAsyncTemplates(request));
      }
      case "sdk":
      case "sdk-b": {
        // sdk-b is the same mode, run by LoopbackBenchmark with another build's classes (--sdk-b)
        VodClient sdk = VodClient.builder().endpoint(endpoint).credentials(credentials).rateLimit(RateLimit.disabled()).build();
        resources.add(sdk);
        Caller caller = () -> sdk.describeProcessImageAsyncTemplates(request);
        return modeOf(caller, caller);
      }
      case "raw-okhttp": {
        Caller caller = rawOkHttp(endpoint, wire, resources, ResponseBody::bytes);
        return modeOf(caller, caller);
      }
      case "raw-okhttp-untimed": {
        // Raw OkHttp without Okio's read and write timeouts, as the SDK's own client runs OkHttp:
        // tells how much of raw-okhttp's CPU per call those timeouts' wake-ups are at each thread count.
        OkHttpClient untimed = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS)
            .writeTimeout(0, TimeUnit.MILLISECONDS).build();
        Caller caller = rawOkHttp(untimed, endpoint, wire, resources, ResponseBody::bytes);
        return modeOf(caller, caller);
      }
      case "raw-okhttp+gson-tree": {
        // What a hand-written client does at least: the same call, and the answer parsed.
        Gson gson = new Gson();
        Caller caller = rawOkHttp(endpoint, wire, resources, body -> {
          if (gson.fromJson(body.charStream(), JsonObject.class).size() != 1) {
            throw new IOException("not the seed answer");
          }
        });
        return modeOf(caller, caller);
      }
      case "raw-okhttp-20/s": {
        Caller caller = rawOkHttp(endpoint, wire, resources, ResponseBody::bytes);
        Pacer pacer = new Pacer(20);
        return modeOf(caller, () -> {
          pacer.awaitTurn();
          caller.call();
        });
      }
      case "raw-socket": {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        return new Mode() {
          private final ThreadLocal<Caller> perThread = ThreadLocal.withInitial(() -> {
            try {
              Socket socket = new Socket("127.0.0.1", port);
              socket.setTcpNoDelay(true);
              synchronized (resources) {
                resources.add(socket);
              }
              OutputStream out = socket.getOutputStream();
              InputStream in = socket.getInputStream();
              LoopbackServer.MessageSkipper answers = new LoopbackServer.MessageSkipper(in);
              return () -> {
                out.write(wire);
                out.flush();
                if (!answers.skipMessage()) {
                  throw new IOException("the server closed the connection");
                }
              };
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });

          @Override
          public Caller warmupCaller() {
            return perThread.get();
          }

          @Override
          public Caller measuredCaller() {
            return perThread.get();
          }
        };
      }
      default:
        throw new IllegalArgumentException("mode must be sdk-defaults, sdk, raw-okhttp, raw-okhttp-untimed, raw-okhttp+gson-tree, raw-okhttp-20/s"
            + " or raw-socket, was " + name);
    }
  }

  /** What a raw OkHttp mode does with the answer's body. */
  interface BodyUse {
    void use(ResponseBody body) throws IOException;
  }

  /**
   * @return a caller that sends the captured request, built once, through a default OkHttp client
   *     of its own (closed with {@code resources}), and hands the answer's body to {@code use}
   */
  private static Caller rawOkHttp(String endpoint, byte[] wire, List<AutoCloseable> resources, BodyUse use) {
    return rawOkHttp(new OkHttpClient(), endpoint, wire, resources, use);
  }

  private static Caller rawOkHttp(OkHttpClient raw, String endpoint, byte[] wire, List<AutoCloseable> resources,
      BodyUse use) {
    Request prebuilt = WireRequest.toOkHttp(wire, endpoint);
    resources.add(() -> {
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    });
    return () -> {
      try (Response response = raw.newCall(prebuilt).execute()) {
        use.use(response.body());
      }
    };
  }

  /** Spaces calls of all threads evenly at a given rate, as the SDK's default rate limit does once its burst is spent. */
  static final class Pacer {
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
      this.intervalNanos = (long) (1e9 / perSecond);
    }

    void awaitTurn() throws IOException {
      long slot;
      synchronized (this) {
        next = Math.max(next + intervalNanos, System.nanoTime());
        slot = next;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(slot - System.nanoTime());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while pacing");
      }
    }
  }

  private static Mode modeOf(Caller warmup, Caller measured) {
    return new Mode() {
      @Override
      public Caller warmupCaller() {
        return warmup;
      }

      @Override
      public Caller measuredCaller() {
        return measured;
      }

      @Override
      public boolean switchesClient() {
        return warmup != measured;
      }
    };
  }

  /** One thread count: its workers, their warm-up windows and the measurement. */
  static final class Phase {
    private final Mode mode;
    private final Worker[] workers;
    private final List<String> windows = new ArrayList<>();
    /** Compilation time of each warm-up window, in ms. */
    private final List<Long> windowsJit = new ArrayList<>();
    private boolean settled;
    private double warmupSeconds;
    private Sample measuredFrom;
    private Sample measuredTo;
    private long gcCount;

    Phase(Mode mode, int threads) {
      this.mode = mode;
      workers = new Worker[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] = new Worker(mode);
      }
    }

    /**
     * @param settle the largest spread of CPU per call over the last three one-second windows
     * @param jitQuietMillis the most compilation time (all compiler threads) in each of those windows:
     *     while C2 still compiles, a plateau of a few windows is only a pause between two waves
     */
    void run(double minWarmup, double maxWarmup, double seconds, double settle, long jitQuietMillis) throws Exception {
      for (Worker worker : workers) {
        worker.start();
      }
      // The warm-up's clock starts with the first completed call, not with class loading and connecting.
      long firstCallDeadline = System.nanoTime() + (long) (maxWarmup * 1e9);
      while (sample().calls == 0 && System.nanoTime() < firstCallDeadline) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
      long warmupStart = System.nanoTime();
      List<Double> cpuPerCall = new ArrayList<>();
      Sample previous = sample();
      while (true) {
        TimeUnit.SECONDS.sleep(1);
        Sample now = sample();
        double window = now.cpuMicrosPerCallSince(previous);
        cpuPerCall.add(window);
        windows.add(window == Double.MAX_VALUE ? "-" : String.format(Locale.ROOT, "%.1f", window));
        windowsJit.add(now.jitMillis - previous.jitMillis);
        previous = now;
        warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
        int last = cpuPerCall.size();
        settled = last >= 3 && spread(cpuPerCall.subList(last - 3, last)) <= settle
            && windowsJit.subList(last - 3, last).stream().allMatch(ms -> ms <= jitQuietMillis);
        if ((settled && warmupSeconds >= minWarmup) || warmupSeconds >= maxWarmup) {
          break;
        }
      }
      for (Worker worker : workers) {
        worker.measuredCaller = true;
      }
      if (mode.switchesClient()) {
        // A different client (sdk-defaults) starts with a full rate-limit burst: measure its steady state.
        TimeUnit.SECONDS.sleep(1);
      }
      long gcBefore = gcCount();
      for (Worker worker : workers) {
        worker.recording = true;
      }
      measuredFrom = sample();
      TimeUnit.NANOSECONDS.sleep((long) (seconds * 1e9));
      measuredTo = sample();
      for (Worker worker : workers) {
        worker.recording = false;
        worker.stop = true;
      }
      gcCount = gcCount() - gcBefore;
      for (Worker worker : workers) {
        worker.join(TimeUnit.SECONDS.toMillis(30));
        if (worker.failure != null) {
          throw new IllegalStateException("a call failed", worker.failure);
        }
      }
    }

    private static double spread(List<Double> values) {
      double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      return min <= 0 ? Double.MAX_VALUE : max / min - 1;
    }

    private static long gcCount() {
      long total = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        total += Math.max(0, gc.getCollectionCount());
      }
      return total;
    }

    private Sample sample() {
      Sample sample = new Sample();
      sample.nanos = System.nanoTime();
      sample.processCpu = PROCESS.getProcessCpuTime();
      sample.jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      for (Worker worker : workers) {
        sample.calls += worker.calls;
        sample.cpu += THREADS.getThreadCpuTime(worker.getId());
        sample.allocated += ALLOCATION.getThreadAllocatedBytes(worker.getId());
      }
      return sample;
    }

    String result(String mode) {
      LatencyHistogram latencies = new LatencyHistogram();
      for (Worker worker : workers) {
        latencies.add(worker.latencies);
      }
      long calls = measuredTo.calls - measuredFrom.calls;
      double seconds = (measuredTo.nanos - measuredFrom.nanos) / 1e9;
      return String.format(Locale.ROOT,
          "RESULT mode=%s threads=%d calls=%d seconds=%.2f callsPerSecond=%.1f p50us=%.1f p99us=%.1f cpuUsPerCall=%.2f"
              + " allocBytesPerCall=%.0f processCpuUsPerCall=%.2f gcs=%d jitMs=%d settled=%s warmupSeconds=%.1f windowsCpuUs=%s windowsJitMs=%s",
          mode, workers.length, calls, seconds, calls / seconds, latencies.percentile(0.5) / 1e3, latencies.percentile(0.99) / 1e3,
          measuredTo.cpuMicrosPerCallSince(measuredFrom), (measuredTo.allocated - measuredFrom.allocated) / (double) Math.max(1, calls),
          (measuredTo.processCpu - measuredFrom.processCpu) / 1e3 / Math.max(1, calls), gcCount,
          measuredTo.jitMillis - measuredFrom.jitMillis, settled, warmupSeconds,
          String.join("/", windows), windowsJit.stream().map(String::valueOf).collect(Collectors.joining("/")));
    }
  }

  /** Counters of all workers at one instant. */
  static final class Sample {
    long nanos;
    long calls;
    long cpu;
    long allocated;
    long jitMillis;
    long processCpu;

    double cpuMicrosPerCallSince(Sample earlier) {
      long calls = this.calls - earlier.calls;
      return calls == 0 ? Double.MAX_VALUE : (cpu - earlier.cpu) / 1e3 / calls;
    }
  }

  /** A calling thread: calls in a loop until stopped, counting calls and, while recording, latencies. */
  static final class Worker extends Thread {
    private final Mode mode;
    final LatencyHistogram latencies = new LatencyHistogram();
    volatile long calls;
    volatile boolean measuredCaller;
    volatile boolean recording;
    volatile boolean stop;
    volatile Throwable failure;

    Worker(Mode mode) {
      super("bench-caller");
      this.mode = mode;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        Caller warmup = mode.warmupCaller();
        Caller measured = mode.measuredCaller();
        while (!stop) {
          Caller caller = measuredCaller ? measured : warmup;
          long before = System.nanoTime();
          caller.call();
          long after = System.nanoTime();
          if (recording) {
            latencies.record(after - before);
          }
          calls++;
        }
      } catch (Throwable e) {
        failure = e;
      }
    }
  }
}
