package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.CallContext;
import io.github.tcvod.CallListener;
import io.github.tcvod.CallOptions;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.HttpStatusException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The waits of a call, observed through a recording sleeper instead of the wall clock. */
class WaitingTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);

  /**
   * Full jitter may draw a wait of zero (under a millisecond), which is not slept: the delays are
   * taken from the listener, which hears of each, and the sleeper must have waited every one that
   * is not zero.
   */
  @Test
  void backoffWithoutRetryAfterReallyWaitsWithinItsCeiling() throws Exception {
    List<Long> waits = new CopyOnWriteArrayList<>();
    List<Long> delays = new CopyOnWriteArrayList<>();
    CallListener retries = new CallListener() {
      @Override
      public void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
        delays.add(delay.toNanos());
      }
    };
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("503 Service Unavailable", "")));
         VodClient vod = VodTestServer.clientOf(server.port()).listener(retries).retryPolicy(RetryPolicy.builder()
             .baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(2)).maxTotalTime(Duration.ofHours(1)).build()).build()) {
      Hostile.invokerOf(vod).config().sleeper = waits::add;
      assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(HttpStatusException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals(3, server.requests());
    }
    assertEquals(2, delays.size(), "one delay before each retry: " + delays);
    assertTrue(delays.get(0) <= TimeUnit.SECONDS.toNanos(1) && delays.get(1) <= TimeUnit.SECONDS.toNanos(2), delays.toString());
    assertEquals(delays.stream().filter(d -> d > 0).collect(Collectors.toList()), waits, "each delay really waited");
    assertTrue(delays.get(0) + delays.get(1) > 0, "no Retry-After does not mean no wait: " + delays);
  }

  @Test
  void retryAfterIsWaitedExactly() throws Exception {
    List<Long> waits = new CopyOnWriteArrayList<>();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("503 Service Unavailable", "", "Retry-After: 3") : RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build()) {
      Hostile.invokerOf(vod).config().sleeper = waits::add;
      assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    assertEquals(List.of(TimeUnit.SECONDS.toNanos(3)), waits);
  }

  @Test
  void clientCallTimeoutAppliesUnderALongerDeadline() throws Exception {
    try (RawServer server = new RawServer((n, out) -> {
          HostileAnswersTest.sleepQuietly(10_000);
          out.write(RawServer.http("200 OK", Hostile.OK));
        });
         VodClient vod = VodTestServer.clientOf(server.port()).callTimeout(Duration.ofMillis(500)).build()) {
      long start = System.nanoTime();
      Exception e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(Exception.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofSeconds(8)))));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= 400 && millis < 7_000, "ended by the 500 ms call timeout, not the 8 s deadline: " + millis + " ms");
      assertTrue(!(e instanceof DeadlineExceededException), "the deadline had not passed: " + e);
    }
  }
}
