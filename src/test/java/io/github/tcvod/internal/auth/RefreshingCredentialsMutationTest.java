package io.github.tcvod.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.MutableClock;
import io.github.tcvod.exception.CredentialsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refresh cache's rarer paths: an Error from the source, an interrupted waiter, toString. */
class RefreshingCredentialsMutationTest {
  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final Duration WATCHDOG = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger fetches = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
  }

  private Supplier<RefreshingCredentials.Expiring> oneHour() {
    return () -> {
      int n = fetches.incrementAndGet();
      return new RefreshingCredentials.Expiring(Credentials.of("AKIDtmp" + n, "secretKey" + n, "token" + n),
          clock.instant().plus(Duration.ofHours(1)));
    };
  }

  @Test
  void anErrorFromTheSourceReachesTheCallerUnchanged() {
    AssertionError error = new AssertionError("source broke");
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      throw error;
    }, Duration.ofMinutes(5), clock);
    assertSame(error, assertThrows(AssertionError.class, refreshing::get));
  }

  @Test
  void aCallerInterruptedWhileWaitingForTheRefreshGetsACredentialsExceptionAndKeepsTheInterrupt() {
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      fetching.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return oneHour().get();
    }, Duration.ofMinutes(5), clock);
    assertTimeoutPreemptively(WATCHDOG, () -> {
      Future<Credentials> leader = threads.submit(refreshing::get);
      assertTrue(fetching.await(5, TimeUnit.SECONDS));
      Thread.currentThread().interrupt();
      try {
        CredentialsException e = assertThrows(CredentialsException.class, refreshing::get);
        assertTrue(e.errorMessage().startsWith("test source: could not obtain credentials"), e.errorMessage());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
      } finally {
        Thread.interrupted();
        release.countDown();
      }
      assertEquals("AKIDtmp1", leader.get(5, TimeUnit.SECONDS).secretId());
    });
  }

  @Test
  void aThreadThatFindsTheRefreshDoneByAnotherUsesItsResult() {
    // The first look at the clock of the main thread, after it saw the due credentials, lets another
    // thread refresh them in full; the main thread must then use those instead of fetching again.
    RacingClock racing = new RacingClock(clock, threads);
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", oneHour(), Duration.ofMinutes(5), racing);
    assertTimeoutPreemptively(WATCHDOG, () -> {
      assertEquals("AKIDtmp1", refreshing.get().secretId());
      clock.advance(Duration.ofMinutes(56));
      racing.arm(refreshing::get);
      assertEquals("AKIDtmp2", RacingClock.onMainCaller(refreshing::get).secretId());
      assertEquals(2, fetches.get());
    });
  }

  @Test
  void toStringNamesTheSourceAndExpiryButNoSecret() {
    RefreshingCredentials refreshing = new RefreshingCredentials("CVM role (metadata service)", oneHour(),
        Duration.ofMinutes(5), clock);
    assertEquals("RefreshingCredentials(CVM role (metadata service), none yet)", refreshing.toString());
    refreshing.get();
    String shown = refreshing.toString();
    assertEquals("RefreshingCredentials(CVM role (metadata service), expiring 2026-11-24T10:00:00Z)", shown);
    assertFalse(shown.contains("secretKey1") || shown.contains("token1"), shown);
  }
}
