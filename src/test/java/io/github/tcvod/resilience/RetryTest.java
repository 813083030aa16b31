package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.exception.InternalErrorException;
import io.github.tcvod.exception.InvalidParameterException;
import io.github.tcvod.exception.RequestLimitExceededException;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retries against scripted failures: exact request counts, outcomes and final exceptions. */
class RetryTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMockCheckingSignatures();

  static final String OK = "{\"Response\":{\"TotalCount\":4,\"RequestId\":\"ok-1\"}}";
  static final RetryPolicy FAST = RetryPolicy.builder().baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20)).build();

  static String error(String code) {
    return "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"m\"},\"RequestId\":\"rid-" + code + "\"}}";
  }

  static void failThenSucceed(int failures, ResponseDefinitionBuilder failure) {
    failThenSucceedOn(server, failures, failure);
  }

  /** The first {@code failures} answers of {@code server} are {@code failure}; the rest succeed. */
  static void failThenSucceedOn(WireMockExtension server, int failures, ResponseDefinitionBuilder failure) {
    String state = STARTED;
    for (int i = 1; i <= failures; i++) {
      String next = "failed-" + i;
      server.stubFor(post(urlEqualTo("/")).inScenario("flaky").whenScenarioStateIs(state)
          .willReturn(failure).willSetStateTo(next));
      state = next;
    }
    server.stubFor(post(urlEqualTo("/")).inScenario("flaky").whenScenarioStateIs(state)
        .willReturn(aResponse().withBody(OK)));
  }

  /** The default timeouts: a slow answer of a loaded machine must not add an attempt the test counts. */
  static VodClient client(RetryPolicy policy) {
    return VodTestServer.clientOf(server.getPort()).retryPolicy(policy).build();
  }

  static long describe(VodClient vod) {
    return vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build()).totalCount();
  }

  static int requests() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @ParameterizedTest(name = "{0} twice, then success: 3 requests")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void transientFaultIsRetriedUntilSuccess(Fault fault) {
    failThenSucceed(2, aResponse().withFault(fault));
    try (VodClient vod = client(FAST)) {
      assertEquals(4L, describe(vod));
    }
    assertEquals(3, requests());
  }

  @ParameterizedTest(name = "{0} every time: 3 requests, TransportException")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void persistentFaultGivesUpAfterMaxAttempts(Fault fault) {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(fault)));
    try (VodClient vod = client(FAST)) {
      TransportException e = assertThrows(TransportException.class, () -> describe(vod));
      assertEquals(3, e.attempts());
      assertEquals(2, e.getSuppressed().length);
      assertTrue(e.getMessage().endsWith(" after 3 attempts"), e.getMessage());
      assertEquals("DescribeProcessImageAsyncTemplates", e.action());
    }
    assertEquals(3, requests());
  }

  /** A peer that violates HTTP will do so again: these are attempted once. */
  @Test
  void malformedChunkIsAProtocolViolationAttemptedOnce() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    try (VodClient vod = client(FAST)) {
      VodException e = assertThrows(VodException.class, () -> describe(vod));
      assertSame(TransportException.class, e.getClass());
      boolean protocol = false;
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        protocol |= cause instanceof java.net.ProtocolException;
      }
      assertTrue(protocol, "caused by a ProtocolException: " + e.getCause());
      assertEquals(false, e.isRetryable());
      assertEquals(1, e.attempts());
    }
    assertEquals(1, requests());
  }

  /** Random bytes read as a garbled status line (not retried) or an early close (retried), per attempt. */
  @Test
  void randomDataIsRetriedExactlyWhenItsFailureIsRetryable() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    try (VodClient vod = client(FAST)) {
      VodException e = assertThrows(VodException.class, () -> describe(vod));
      assertSame(TransportException.class, e.getClass());
      assertTrue(e.attempts() >= 1 && e.attempts() <= 3, "attempts: " + e.attempts());
      if (e.isRetryable()) {
        assertEquals(3, e.attempts(), "a retryable last failure means the attempts ran out");
      }
      assertEquals(e.attempts(), requests());
    }
  }

  @Test
  void readTimeoutIsRetried() {
    failThenSucceed(1, aResponse().withFixedDelay(6_000).withBody(OK));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(FAST).readTimeout(Duration.ofSeconds(1))
        .build()) {
      assertEquals(4L, describe(vod));
    }
    assertEquals(2, requests());
  }

  @Test
  void throttlingIsRetriedAndTheLastFailureKeepsTheEarlierOnes() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(error("RequestLimitExceeded.UinLimitExceeded"))));
    try (VodClient vod = client(FAST)) {
      RequestLimitExceededException e = assertThrows(RequestLimitExceededException.class, () -> describe(vod));
      assertEquals(3, e.attempts());
      assertEquals("rid-RequestLimitExceeded.UinLimitExceeded", e.requestId());
      assertEquals(2, e.getSuppressed().length);
      assertTrue(e.getSuppressed()[0] instanceof RequestLimitExceededException);
    }
    assertEquals(3, requests());
  }

  @Test
  void internalErrorThenSuccess() {
    failThenSucceed(2, aResponse().withBody(error("InternalError")));
    try (VodClient vod = client(FAST)) {
      assertEquals(4L, describe(vod));
    }
    assertEquals(3, requests());
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @org.junit.jupiter.params.provider.ValueSource(ints = {502, 503, 504})
  void gatewayStatusesAreRetried(int status) {
    failThenSucceed(1, aResponse().withStatus(status).withBody("<html>gateway</html>"));
    try (VodClient vod = client(FAST)) {
      assertEquals(4L, describe(vod));
    }
    assertEquals(2, requests());
  }

  @Test
  void nonRetryableErrorsAreAttemptedExactlyOnce() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(error("InvalidParameter"))));
    try (VodClient vod = client(FAST)) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> describe(vod));
      assertEquals(1, e.attempts());
      assertEquals(0, e.getSuppressed().length);
    }
    assertEquals(1, requests());
    server.resetAll();
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));
    try (VodClient vod = client(FAST)) {
      assertThrows(HttpStatusException.class, () -> describe(vod));
    }
    assertEquals(1, requests());
  }

  @Test
  void maxAttemptsIsConfigurable() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(error("InternalError"))));
    try (VodClient vod = client(RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(1)).build())) {
      assertEquals(5, assertThrows(InternalErrorException.class, () -> describe(vod)).attempts());
    }
    assertEquals(5, requests());
    server.resetAll();
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(error("InternalError"))));
    try (VodClient vod = client(RetryPolicy.none())) {
      assertEquals(1, assertThrows(InternalErrorException.class, () -> describe(vod)).attempts());
    }
    assertEquals(1, requests());
  }

  @Test
  void totalTimeCapStopsRetriesThatWouldStartTooLate() {
    failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", "30"));
    try (VodClient vod = client(FAST)) {
      HttpStatusException e = assertThrows(HttpStatusException.class, () -> describe(vod));
      assertEquals(1, e.attempts(), "a 30 s Retry-After does not fit in the 20 s retry budget");
    }
    assertEquals(1, requests());
  }

  @Test
  void retryAfterIsHonoured() {
    failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", "1"));
    long start = System.nanoTime();
    try (VodClient vod = client(RetryPolicy.builder().baseDelay(Duration.ZERO).build())) {
      assertEquals(4L, describe(vod));
    }
    assertTrue(System.nanoTime() - start >= 1_000_000_000L, "waited for Retry-After before the second attempt");
    assertEquals(2, requests());
  }

  @Test
  void everyAttemptIsSignedAnewWithAFreshTimestamp() {
    failThenSucceed(2, aResponse().withBody(error("InternalError")));
    AtomicLong tick = new AtomicLong();
    Clock ticking = new Clock() {
      @Override
      public Instant instant() {
        return VodTestServer.NOW.plusSeconds(tick.incrementAndGet());
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(FAST).clock(ticking).build()) {
      assertEquals(4L, describe(vod));
    }
    List<LoggedRequest> seen = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(3, seen.size());
    List<String> timestamps = seen.stream().map(r -> r.getHeader("X-TC-Timestamp")).distinct().collect(Collectors.toList());
    List<String> signatures = seen.stream().map(r -> r.getHeader("Authorization")).distinct().collect(Collectors.toList());
    assertEquals(3, timestamps.size(), timestamps.toString());
    assertEquals(3, signatures.size());
    assertNotEquals(seen.get(0).getHeader("X-TC-Timestamp"), seen.get(2).getHeader("X-TC-Timestamp"));
  }

  @Test
  void backoffIsFullJitterUnderAnExponentialCeiling() {
    RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(1000)).build();
    assertEquals(Duration.ZERO, policy.backoff(1, 0.0));
    assertEquals(Duration.ofMillis(99), policy.backoff(1, 0.999));
    assertEquals(Duration.ofMillis(199), policy.backoff(2, 0.999));
    assertEquals(Duration.ofMillis(399), policy.backoff(3, 0.999));
    assertEquals(Duration.ofMillis(999), policy.backoff(10, 0.999), "capped by maxDelay");
    assertEquals(Duration.ofMillis(500), policy.backoff(40, 0.5), "no overflow for large retry numbers");
  }
}
