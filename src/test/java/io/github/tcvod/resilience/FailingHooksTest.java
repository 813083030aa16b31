package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.waiter.WaiterOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Code the SDK calls back (a signer, a request logger) or a caller's option that fails: typed, bounded, not retried. */
class FailingHooksTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  @Test
  void aSignerThatThrowsIsAnUnexpectedClientErrorSentNowhereAndNotRetried() {
    try (VodClient vod = clientWithASignerThatThrows()) {
      VodClientException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> assertThrows(VodClientException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals("ClientError.Unexpected", e.errorCode());
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertEquals(1, e.attempts());
    }
    assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aSignerThatThrowsFailsAnAsynchronousCallAsItFailsASynchronousOne() {
    // OkHttp hands an asynchronous call IOException("canceled due to ..."): not a transport failure to retry.
    try (VodClient vod = clientWithASignerThatThrows()) {
      ExecutionException async = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
          ExecutionException.class, () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(8, TimeUnit.SECONDS)));
      VodClientException e = assertInstanceOf(VodClientException.class, async.getCause());
      assertEquals("ClientError.Unexpected", e.errorCode());
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertEquals(1, e.attempts());
    }
    assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  /** A client with retries on, whose signer fails, against a server that would answer. */
  private static VodClient clientWithASignerThatThrows() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    return VodTestServer.clientOf(server.getPort())
        .retryPolicy(RetryPolicy.defaults())
        .signer((credentials, service, timestamp, host, contentType, payload) -> {
          throw new IllegalStateException("signer bug");
        }).build();
  }

  @Test
  void aRequestLoggerThatThrowsDoesNotFailTheCall() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort())
        .requestLogger(line -> {
          throw new IllegalStateException("logger bug");
        }).build()) {
      assertEquals(4L, assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> vod.describeProcessImageAsyncTemplates(REQUEST).totalCount()));
    }
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aWaiterMaxWaitBeyondTheSettingLimitIsRefusedWhenSetNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaiterOptions.defaults().withMaxWait(Duration.ofHours(25)));
    assertTrue(e.getMessage().startsWith("WaiterOptions.maxWait must be at most"), e.getMessage());
    assertEquals(Duration.ofHours(24), WaiterOptions.defaults().withMaxWait(Duration.ofHours(24)).maxWait());
  }
}
