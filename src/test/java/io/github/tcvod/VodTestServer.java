package io.github.tcvod;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.SignatureVerifyingFilter;
import java.util.Collections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures of tests that talk to WireMock on 127.0.0.1. */
public final class VodTestServer {
  /** Secret id of the tests. */
  public static final String SECRET_ID = io.github.tcvod.contract.ContractSuite.SECRET_ID;
  /** Secret key of the tests; never appears in any output. */
  public static final String SECRET_KEY = io.github.tcvod.contract.ContractSuite.SECRET_KEY;
  /** Fixed time of the tests' requests: 2026-01-26T09:21:49Z. */
  public static final Instant NOW = io.github.tcvod.contract.ContractSuite.NOW;

  private VodTestServer() {
  }

  /** @return WireMock on 127.0.0.1 and a free port */
  public static WireMockExtension wireMock() {
    return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
  }

  /** @return WireMock that also verifies TC3 signatures made with the test key at {@link #NOW} */
  public static WireMockExtension wireMockCheckingSignatures() {
    return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .extensions(new SignatureVerifyingFilter(Collections.singletonMap(SECRET_ID, SECRET_KEY), Clock.fixed(NOW, ZoneOffset.UTC))))
        .build();
  }

  /**
   * @param port port of a server on 127.0.0.1
   * @return a client of it with the test key, a fixed clock, and neither retries nor rate limit
   *     (tests of those turn them on)
   */
  public static VodClient.Builder clientOf(int port) {
    return VodClient.builder()
        .endpoint("http://127.0.0.1:" + port)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(RateLimit.disabled())
        .credentials(Credentials.of(SECRET_ID, SECRET_KEY))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /**
   * @param vod a client
   * @return its HTTP client, for tests that observe connections and threads
   */
  public static io.github.tcvod.internal.ActionInvoker invokerOf(VodClient vod) {
    try {
      java.lang.reflect.Field runtime = vod.getClass().getDeclaredField("runtime");
      runtime.setAccessible(true);
      return (io.github.tcvod.internal.ActionInvoker) runtime.get(vod);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  public static okhttp3.OkHttpClient httpClientOf(VodClient vod) {
    try {
      java.lang.reflect.Field runtime = vod.getClass().getDeclaredField("runtime");
      runtime.setAccessible(true);
      return ((io.github.tcvod.internal.ActionInvoker) runtime.get(vod)).httpClient();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * @param path a path under src/test/resources
   * @return the file's text
   */
  public static String resource(String path) {
    try {
      return new String(Files.readAllBytes(Paths.get(VodTestServer.class.getResource("/" + path).toURI())),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
