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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshingCredentialsTest {
  private static final Instant T0 = Instant.parse("2026-01-26T09:00:00Z");
  private static final Duration MARGIN = Duration.ofMinutes(5);
  private static final Duration WATCHDOG = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile RuntimeException failure;
  private volatile CountDownLatch gate;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
  }

  /** Issues credentials number n, valid one hour; fails with {@link #failure} when set; waits for {@link #gate}. */
  private final Supplier<RefreshingCredentials.Expiring> source = () -> {
    int n = fetches.incrementAndGet();
    CountDownLatch held = gate;
    if (held != null) {
      try {
        held.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw failure;
    }
    return new RefreshingCredentials.Expiring(Credentials.of("AKIDtmp" + n, "tmpKey" + n, "token" + n),
        clock.instant().plus(Duration.ofHours(1)));
  };

  private RefreshingCredentials refreshing() {
    return new RefreshingCredentials("test source", source, MARGIN, clock);
  }

  @Test
  void fetchesOnceAndRefreshesOnlyWhenTheMarginIsReached() {
    RefreshingCredentials credentials = refreshing();
    Credentials first = credentials.get();
    assertEquals("AKIDtmp1", first.secretId());
    assertEquals("tmpKey1", first.secretKey());
    assertEquals("token1", first.sessionToken());
    clock.advance(Duration.ofMinutes(54).plusSeconds(59));
    assertSame(first, credentials.get());
    assertEquals(1, fetches.get());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("AKIDtmp2", credentials.get().secretId());
    assertEquals(2, fetches.get());
  }

  @Test
  void shortLivedCredentialsAreRefreshedHalfWayNotAtEveryCall() {
    RefreshingCredentials credentials = new RefreshingCredentials("short", () -> {
      int n = fetches.incrementAndGet();
      return new RefreshingCredentials.Expiring(Credentials.of("AKIDtmp" + n, "k", "t"), clock.instant().plus(Duration.ofMinutes(2)));
    }, MARGIN, clock);
    credentials.get();
    clock.advance(Duration.ofSeconds(59));
    credentials.get();
    assertEquals(1, fetches.get());
    clock.advance(Duration.ofSeconds(1));
    credentials.get();
    assertEquals(2, fetches.get());
  }

  @Test
  void expiredCredentialsAreRefreshedOnceForManyThreads() {
    RefreshingCredentials credentials = refreshing();
    credentials.get();
    clock.advance(Duration.ofHours(2));
    gate = new CountDownLatch(1);
    int callers = 16;
    List<Future<Credentials>> results = new ArrayList<>();
    assertTimeoutPreemptively(WATCHDOG, () -> {
      for (int i = 0; i < callers; i++) {
        results.add(threads.submit(credentials::get));
      }
      while (fetches.get() < 2) {
        Thread.sleep(5);
      }
      Thread.sleep(100);  // let the other callers reach the refresh under way; the count holds either way
      gate.countDown();
      for (Future<Credentials> result : results) {
        assertEquals("AKIDtmp2", result.get().secretId());
      }
    });
    assertEquals(2, fetches.get(), "one initial fetch and exactly one refresh");
  }

  @Test
  void whileARefreshIsUnderWayOthersKeepTheStillValidCredentialsWithoutWaiting() {
    RefreshingCredentials credentials = refreshing();
    credentials.get();
    clock.advance(Duration.ofMinutes(56));  // inside the margin, not expired
    gate = new CountDownLatch(1);
    assertTimeoutPreemptively(WATCHDOG, () -> {
      Future<Credentials> refresher = threads.submit(credentials::get);
      while (fetches.get() < 2) {
        Thread.sleep(5);
      }
      assertEquals("AKIDtmp1", credentials.get().secretId(), "a second caller is not held by the refresh");
      gate.countDown();
      assertEquals("AKIDtmp2", refresher.get().secretId());
    });
    assertEquals("AKIDtmp2", credentials.get().secretId());
    assertEquals(2, fetches.get());
  }

  @Test
  void aFailedRefreshKeepsTheStillValidCredentialsAndPausesBeforeTryingAgain() {
    RefreshingCredentials credentials = refreshing();
    Credentials first = credentials.get();
    clock.advance(Duration.ofMinutes(56));
    failure = new CredentialsException("source down");
    assertSame(first, credentials.get());
    assertEquals(2, fetches.get());
    clock.advance(RefreshingCredentials.RETRY_PAUSE.minusSeconds(1));
    assertSame(first, credentials.get());
    assertEquals(2, fetches.get(), "no new attempt within the pause");
    clock.advance(Duration.ofSeconds(1));
    failure = null;
    assertEquals("AKIDtmp3", credentials.get().secretId());
    assertEquals(3, fetches.get());
  }

  @Test
  void expiredCredentialsAndAFailingRefreshGiveAClearCredentialsException() {
    RefreshingCredentials credentials = refreshing();
    credentials.get();
    clock.advance(Duration.ofHours(1));
    CredentialsException cause = new CredentialsException("metadata down");
    failure = cause;
    CredentialsException e = assertThrows(CredentialsException.class, credentials::get);
    assertSame(cause, e.getCause());
    assertEquals(CredentialsException.CODE, e.errorCode());
    assertTrue(e.errorMessage().contains("test source"), e.errorMessage());
    assertTrue(e.errorMessage().contains("expired at 2026-01-26T10:00:00Z"), e.errorMessage());
    assertTrue(e.errorMessage().contains("metadata down"), e.errorMessage());
    assertFalse(e.getMessage().contains("tmpKey1") || e.getMessage().contains("token1"), e.getMessage());
    failure = null;
    assertEquals("AKIDtmp3", credentials.get().secretId(), "the next call tries again");
  }

  @Test
  void aFailingFirstFetchSaysSo() {
    failure = new IllegalStateException("boom");
    CredentialsException e = assertThrows(CredentialsException.class, refreshing()::get);
    assertTrue(e.errorMessage().startsWith("test source: could not obtain credentials"), e.errorMessage());
    assertEquals(IllegalStateException.class, e.getCause().getClass());
  }

  @Test
  void marginMustNotBeNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RefreshingCredentials("x", source, Duration.ofSeconds(-1), clock));
    assertTrue(e.getMessage().contains("refreshMargin"), e.getMessage());
  }
}
