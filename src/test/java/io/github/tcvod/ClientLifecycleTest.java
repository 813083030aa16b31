package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientLifecycleTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  @Test
  void suppliedHttpClientIsUsedAndLeftRunningOnClose() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("{\"Response\":{\"TotalCount\":3,\"RequestId\":\"r\"}}")));
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient mine = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          seen.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .readTimeout(7, TimeUnit.SECONDS)
        .build();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).httpClient(mine).build()) {
      assertEquals(3L, vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build()).totalCount());
    }
    assertEquals(1, seen.get());
    assertFalse(mine.dispatcher().executorService().isShutdown(), "the caller's dispatcher stays up");
  }

  @Test
  void defaultTimeoutsAreFinite() throws java.io.IOException {
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      OkHttpClient http = VodTestServer.httpClientOf(vod);
      assertEquals(10_000, http.connectTimeoutMillis());
      assertEquals(0, http.readTimeoutMillis(), "the sockets keep the read timeout, without Okio's JVM-wide timeout queue");
      assertEquals(TimeUnit.SECONDS.toNanos(10), VodTestServer.invokerOf(vod).config().sockets.readTimeoutNanos(),
          "shorter than the 20 s retry window, so a hung read is retried");
      assertEquals(0, http.writeTimeoutMillis(), "the SDK's socket watchdog keeps the write timeout, without Okio's queue");
      assertEquals(TimeUnit.SECONDS.toNanos(30), VodTestServer.invokerOf(vod).config().sockets.writeTimeoutNanos());
      assertEquals(0, http.callTimeoutMillis(), "the SDK ends attempts itself, without Okio's JVM-wide timeout queue");
      assertEquals(TimeUnit.SECONDS.toNanos(60), VodTestServer.invokerOf(vod).config().attemptTimeoutNanos);
    }
  }

  @Test
  void ownHttpClientIsShutDownOnClose() {
    VodClient vod = VodTestServer.clientOf(server.getPort()).build();
    OkHttpClient http = VodTestServer.httpClientOf(vod);
    vod.close();
    org.junit.jupiter.api.Assertions.assertTrue(http.dispatcher().executorService().isShutdown());
    assertEquals(0, http.connectionPool().connectionCount());
  }
}
