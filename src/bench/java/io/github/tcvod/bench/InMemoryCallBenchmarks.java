package io.github.tcvod.bench;

import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole call without a socket: an application {@link Interceptor} answers the seed response, so
 * the SDK's per-call overhead over raw OkHttp shows without network noise. {@code sdkCall} goes
 * through the SDK's public API (rate limiter off, otherwise the defaults); {@code rawOkHttpCall}
 * sends one pre-built request through the same kind of client and reads the body, as the loopback
 * benchmark's raw-okhttp mode does. Run with {@code -prof gc} for bytes per call.
 *
 * <p>The answering interceptor is the caller's, and OkHttp runs a caller's interceptors before the
 * SDK's own (which the SDK appends to the client it is given), so whatever the SDK does inside its
 * interceptors (signing, today) is not in {@code sdkCall}: {@code CodecBenchmarks.signWithCachedKey}
 * measures it. The {@code ...OverMemorySocket} pair has no such gap: OkHttp's whole stack runs, the
 * SDK's interceptors included, over sockets that live in memory ({@link MemorySocketFactory}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InMemoryCallBenchmarks {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] SEED_RESPONSE = Payloads.seedResponse();
  /** Never connected to: the answers come from an interceptor or from sockets in memory. */
  private static final String ENDPOINT = "http://127.0.0.1:1";

  private final DescribeProcessImageAsyncTemplatesRequest seedRequest = LoopbackClient.seedRequest();
  private OkHttpClient answering;
  private VodClient sdk;
  private Request prebuilt;
  private OkHttpClient memorySockets;
  private VodClient sdkOverMemorySocket;

  /** Answers every request with the seed response, without going further down the chain. */
  static final class SeedAnswer implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .header("Content-Type", "application/json")
          .body(ResponseBody.create(SEED_RESPONSE, JSON)).build();
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    answering = new OkHttpClient.Builder().addInterceptor(new SeedAnswer()).build();
    sdk = VodClient.builder().endpoint(ENDPOINT).credentials(Credentials.of("AKIDbench", "bench-key"))
        .rateLimit(RateLimit.disabled()).httpClient(answering).build();
    memorySockets = new OkHttpClient.Builder().socketFactory(new MemorySocketFactory(MemorySocketFactory.httpAnswer(SEED_RESPONSE)))
        .build();
    sdkOverMemorySocket = VodClient.builder().endpoint(ENDPOINT).credentials(Credentials.of("AKIDbench", "bench-key"))
        .rateLimit(RateLimit.disabled()).httpClient(memorySockets).build();
    prebuilt = WireRequest.toOkHttp(WireRequest.capture(ENDPOINT, memorySockets), ENDPOINT);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
    sdkOverMemorySocket.close();
    answering.dispatcher().executorService().shutdown();
    memorySockets.dispatcher().executorService().shutdown();
    memorySockets.connectionPool().evictAll();
  }

  @Benchmark
  public DescribeProcessImageAsyncTemplatesResponse sdkCall() {
    return sdk.describeProcessImageAsyncTemplates(seedRequest);
  }

  @Benchmark
  public byte[] rawOkHttpCall() throws IOException {
    try (Response response = answering.newCall(prebuilt).execute()) {
      return response.body().bytes();
    }
  }

  /** The whole OkHttp stack and the SDK's own interceptors, over a socket that lives in memory. */
  @Benchmark
  public DescribeProcessImageAsyncTemplatesResponse sdkCallOverMemorySocket() {
    return sdkOverMemorySocket.describeProcessImageAsyncTemplates(seedRequest);
  }

  /** The same request bytes through the whole OkHttp stack over a socket that lives in memory. */
  @Benchmark
  public byte[] rawOkHttpCallOverMemorySocket() throws IOException {
    try (Response response = memorySockets.newCall(prebuilt).execute()) {
      return response.body().bytes();
    }
  }
}
