package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.CallOptions;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.InternalErrorException;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeadlineTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  @Test
  void slowAnswerEndsAtTheCallsDeadline() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFixedDelay(3_000).withBody(RetryTest.OK)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.defaults()).build()) {
      DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofMillis(300))));
      assertTrue(e.getCause() instanceof TransportException, String.valueOf(e.getCause()));
      assertEquals(1, e.attempts(), "no retry starts after the deadline");
    }
    // The client gave up before the answer: WireMock may note the request a little later.
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      while (server.findAll(anyRequestedFor(anyUrl())).isEmpty()) {
        Thread.sleep(5);
      }
    });
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void retriesStopWhenTheNextWouldStartPastTheDeadline() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse()
        .withHeader("Retry-After", "8")
        .withBody("{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"},\"RequestId\":\"r\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.defaults()).build()) {
      InternalErrorException e = assertThrows(InternalErrorException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofSeconds(5))));
      assertEquals(1, e.attempts(), "an 8 s Retry-After does not fit a 5 s deadline");
    }
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void perCallRetryPolicyOverridesTheClients() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse()
        .withBody("{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"},\"RequestId\":\"r\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      InternalErrorException e = assertThrows(InternalErrorException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST,
          CallOptions.none().withRetryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ZERO).build())));
      assertEquals(2, e.attempts());
    }
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size());
  }
}
