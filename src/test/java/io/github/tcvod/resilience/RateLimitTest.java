package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.CallOptions;
import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.internal.ActionInvoker;
import io.github.tcvod.internal.TokenBucket;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  @Test
  void bucketGrantsABurstThenSpacesReservations() {
    AtomicLong now = new AtomicLong(1_000);
    TokenBucket bucket = new TokenBucket(20, now::get);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, bucket.reserve(Long.MAX_VALUE), "burst of half a second's worth");
    }
    assertEquals(50_000_000L, bucket.reserve(Long.MAX_VALUE), "the 11th waits 1/20 s");
    assertEquals(100_000_000L, bucket.reserve(Long.MAX_VALUE), "the 12th waits 2/20 s");
    now.addAndGet(100_000_000L);
    assertEquals(50_000_000L, bucket.reserve(Long.MAX_VALUE), "reservations already made are honoured in order");
    assertEquals(-1, bucket.reserve(10_000_000L), "a wait past the caller's limit is refused");
    assertEquals(100_000_000L, bucket.reserve(Long.MAX_VALUE), "and a refusal reserves nothing");
    now.addAndGet(10_000_000_000L);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, bucket.reserve(0), "refills to the burst, no further");
    }
    assertEquals(-1, bucket.reserve(0));
  }

  @Test
  void threadsOfOneClientShareTheActionsBucket() throws Exception {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).rateLimit(RateLimit.perSecond(10)).build()) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(threads.submit(() -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdown();
    }
    long elapsed = System.nanoTime() - start;
    assertEquals(16, server.findAll(anyRequestedFor(anyUrl())).size());
    assertTrue(elapsed >= 1_050_000_000L, "16 calls at 10/s with a burst of 5 need at least 1.1 s, took " + elapsed / 1_000_000 + " ms");
  }

  @Test
  void waitingForATokenStopsAtTheDeadline() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).rateLimit(RateLimit.perSecond(0.5)).build()) {
      vod.describeProcessImageAsyncTemplates(REQUEST);
      DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofMillis(200))));
      assertEquals(DeadlineExceededException.CODE, e.errorCode());
      assertTrue(e.getMessage().contains("rate-limit token"), e.getMessage());
    }
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size(), "the second call never reached the server");
  }

  @Test
  void specRateIsTheDefault() {
    assertEquals(20, RateLimit.fromSpec().rateFor(20));
    assertEquals(0, RateLimit.fromSpec().rateFor(0));
    assertEquals(0, RateLimit.disabled().rateFor(20));
    assertEquals(5, RateLimit.perSecond(5).rateFor(20));
    assertThrows(IllegalArgumentException.class, () -> RateLimit.perSecond(0));
  }

  @Test
  void aCallWithADeadlineWaitsForItsTokenUpToTheDeadlineNotOnlySixtySeconds() {
    // The 60 s cap is for calls without a deadline; it was applied to every call, and the refusal
    // said the call's deadline did not allow the wait when it did.
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    AtomicLong now = new AtomicLong(1_000_000_000L);
    List<Long> slept = new ArrayList<>();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).rateLimit(RateLimit.perSecond(1.0 / 90)).build()) {
      ActionInvoker.Config config = VodTestServer.invokerOf(vod).config();
      config.nanoTime = now::get;
      config.sleeper = nanos -> {
        slept.add(nanos);
        now.addAndGet(nanos);
      };
      vod.describeProcessImageAsyncTemplates(REQUEST);
      vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofMinutes(5)));
      assertEquals(1, slept.size(), String.valueOf(slept));
      assertTrue(slept.get(0) > TimeUnit.SECONDS.toNanos(89) && slept.get(0) <= TimeUnit.SECONDS.toNanos(90),
          "waited one token's 90 s: " + slept);
      DeadlineExceededException tooLong = assertThrows(DeadlineExceededException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofSeconds(80))));
      assertTrue(tooLong.getMessage().contains("deadline"), tooLong.getMessage());
      DeadlineExceededException noDeadline = assertThrows(DeadlineExceededException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(noDeadline.getMessage().contains("60 s"), noDeadline.getMessage());
      assertEquals(1, slept.size(), "neither refused call waited");
    }
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size());
  }
}
