package io.github.tcvod.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refresh cache against a source that misbehaves: credentials expired on arrival, failures racing callers. */
class RefreshingCredentialsHostileSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final Duration WATCHDOG = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger fetches = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
  }

  @Test
  void credentialsThatAreAlreadyExpiredWhenFetchedAreRefusedNotHandedOut() {
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      return new RefreshingCredentials.Expiring(issued(n), clock.instant().minusSeconds(30));
    }, Duration.ofMinutes(5), clock);
    CredentialsException e = assertThrows(CredentialsException.class, refreshing::get);
    assertTrue(e.errorMessage().startsWith("test source: could not obtain credentials"), e.errorMessage());
    String why = e.getCause().getMessage();
    assertTrue(why.contains("2026-12-01T08:59:30Z") && why.contains("2026-12-01T09:00:00Z"), why);
    assertTrue(why.contains("clock"), why);
    assertEquals(1, fetches.get());
  }

  @Test
  void credentialsExpiredWhenFetchedKeepTheStillValidOnesAndPauseTheRetries() {
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      Instant expiry = n == 1 ? clock.instant().plus(Duration.ofHours(1)) : clock.instant();
      return new RefreshingCredentials.Expiring(issued(n), expiry);
    }, Duration.ofMinutes(5), clock);
    assertEquals("AKIDtmp1", refreshing.get().secretId());
    clock.advance(Duration.ofMinutes(56));
    for (int i = 0; i < 5; i++) {
      assertEquals("AKIDtmp1", refreshing.get().secretId(), "the last good credentials, still valid for 4 minutes");
    }
    assertEquals(2, fetches.get(), "one refresh, then the pause after its failure");
    clock.advance(RefreshingCredentials.RETRY_PAUSE);
    assertEquals("AKIDtmp1", refreshing.get().secretId());
    assertEquals(3, fetches.get());
  }

  @Test
  void aThreadThatFindsTheRefreshFailedByAnotherKeepsTheValidCredentialsWithoutTryingAgain() {
    // The main thread sees the credentials due; its first look at the clock lets another thread try
    // the refresh, which fails. The main thread must then respect the pause, not fetch at once.
    RacingClock racing = new RacingClock(clock, threads);
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      if (n > 1) {
        throw new CredentialsException("source down");
      }
      return new RefreshingCredentials.Expiring(issued(n), clock.instant().plus(Duration.ofHours(1)));
    }, Duration.ofMinutes(5), racing);
    assertTimeoutPreemptively(WATCHDOG, () -> {
      assertEquals("AKIDtmp1", refreshing.get().secretId());
      clock.advance(Duration.ofMinutes(56));
      racing.arm(refreshing::get);
      assertEquals("AKIDtmp1", RacingClock.onMainCaller(refreshing::get).secretId());
      assertEquals(2, fetches.get(), "the first fetch and the one failed refresh, then the pause");
    });
  }

  @Test
  void credentialsClaimingToLastForCenturiesAreStillRefreshedWithinTwelveHours() {
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      return new RefreshingCredentials.Expiring(issued(n), Instant.parse("9999-12-31T23:59:59Z"));
    }, Duration.ofMinutes(5), clock);
    assertEquals("AKIDtmp1", refreshing.get().secretId());
    clock.advance(Duration.ofHours(12).minusSeconds(1));
    assertEquals("AKIDtmp1", refreshing.get().secretId(), "not refreshed before 12 hours");
    assertEquals(1, fetches.get());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("AKIDtmp2", refreshing.get().secretId(), "refreshed at 12 hours, not in the year 9999");
    assertEquals(2, fetches.get());
  }

  @Test
  void credentialsOfTheLongestLifetimeStsIssuesAreRefreshedAtTheirMargin() {
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      return new RefreshingCredentials.Expiring(issued(n), clock.instant().plus(Duration.ofHours(12)));
    }, Duration.ofMinutes(5), clock);
    refreshing.get();
    clock.advance(Duration.ofHours(12).minusMinutes(5).minusSeconds(1));
    refreshing.get();
    assertEquals(1, fetches.get());
    clock.advance(Duration.ofSeconds(1));
    refreshing.get();
    assertEquals(2, fetches.get());
  }

  @Test
  void aRefreshEndedByTheInterruptOfItsOwnThreadDoesNotFailTheThreadsWaitingForIt() {
    // The first caller fetches and is interrupted (its task was cancelled) while the others wait for
    // that fetch: the interrupt concerns the first caller only, so the others must fetch again.
    CountDownLatch fetching = new CountDownLatch(1);
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      if (n == 1) {
        fetching.countDown();
        try {
          new CountDownLatch(1).await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CredentialsException("test source: interrupted while fetching");
        }
      }
      return new RefreshingCredentials.Expiring(issued(n), clock.instant().plus(Duration.ofHours(1)));
    }, Duration.ofMinutes(5), clock);
    assertTimeoutPreemptively(WATCHDOG, () -> {
      Future<Credentials> first = threads.submit(refreshing::get);
      assertTrue(fetching.await(5, TimeUnit.SECONDS));
      List<Future<Credentials>> waiting = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        waiting.add(threads.submit(refreshing::get));
      }
      Thread.sleep(200);  // let them reach the fetch under way; the outcome holds either way
      first.cancel(true);
      for (Future<Credentials> waiter : waiting) {
        assertEquals("AKIDtmp2", waiter.get(5, TimeUnit.SECONDS).secretId());
      }
      assertEquals(2, fetches.get(), "the interrupted fetch and one more for all the waiting threads");
    });
  }

  @Test
  void discardedCredentialsAreFetchedAnewAndNoThreadGetsThemAgain() {
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      int n = fetches.incrementAndGet();
      return new RefreshingCredentials.Expiring(issued(n), clock.instant().plus(Duration.ofHours(2)));
    }, Duration.ofMinutes(5), clock);
    assertEquals(false, refreshing.discard(issued(0)), "nothing fetched yet: no others to give");
    Credentials first = refreshing.get();
    assertTrue(refreshing.discard(first));
    Credentials second = refreshing.get();
    assertEquals(issued(2), second, "fetched anew although the first had hours left");
    assertEquals(2, fetches.get());
    assertTrue(refreshing.discard(first), "others are held already");
    assertEquals(second, refreshing.get());
    assertEquals(2, fetches.get(), "discarding credentials no longer held changes nothing");
  }

  @Test
  void aFailedFetchAfterADiscardFailsInsteadOfHandingOutTheRefusedCredentials() {
    RefreshingCredentials refreshing = new RefreshingCredentials("test source", () -> {
      if (fetches.incrementAndGet() > 1) {
        throw new IllegalStateException("source down");
      }
      return new RefreshingCredentials.Expiring(issued(1), clock.instant().plus(Duration.ofHours(2)));
    }, Duration.ofMinutes(5), clock);
    Credentials first = refreshing.get();
    assertTrue(refreshing.discard(first));
    assertThrows(CredentialsException.class, refreshing::get);
    assertEquals(2, fetches.get());
  }

  private static Credentials issued(int n) {
    return Credentials.of("AKIDtmp" + n, "secretKey" + n, "token" + n);
  }
}
