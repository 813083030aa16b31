package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client whose clock is off learns the service's time from the Date of AuthFailure.SignatureExpire. */
class ClockSkewTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMockCheckingSignatures();

  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  @Test
  void skewIsCorrectedOnceAndKeptForLaterCalls() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    Clock behind = Clock.fixed(VodTestServer.NOW.minus(Duration.ofMinutes(42)), ZoneOffset.UTC);
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.none()).clock(behind).build()) {
      assertEquals(4L, vod.describeProcessImageAsyncTemplates(REQUEST).totalCount(), "even with retries off");
      assertEquals(4L, vod.describeProcessImageAsyncTemplates(REQUEST).totalCount());
    }
    List<LoggedRequest> seen = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(3, seen.size(), "one refused attempt, its corrected retry, and a later call that needs none");
    long now = VodTestServer.NOW.getEpochSecond();
    assertEquals(Long.toString(now - 42 * 60), seen.get(0).getHeader("X-TC-Timestamp"));
    assertEquals(Long.toString(now), seen.get(1).getHeader("X-TC-Timestamp"));
    assertEquals(Long.toString(now), seen.get(2).getHeader("X-TC-Timestamp"));
  }

  @Test
  void withoutADateHeaderTheFailureIsReported() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(
        "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureExpire\",\"Message\":\"expired\"},\"RequestId\":\"r\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertEquals("AuthFailure.SignatureExpire", e.errorCode());
      assertEquals(1, e.attempts());
    }
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aSecondExpiryIsNotRetriedAgain() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse()
        .withHeader("Date", "Mon, 26 Jan 2026 09:21:49 GMT")
        .withBody("{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureExpire\",\"Message\":\"expired\"},\"RequestId\":\"r\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertEquals(2, e.attempts());
    }
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size());
  }
}
