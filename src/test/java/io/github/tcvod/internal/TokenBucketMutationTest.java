package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a hand-driven clock: burst size, refill, reservation and the wait limit. */
class TokenBucketMutationTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long NO_LIMIT = Long.MAX_VALUE;

  private final AtomicLong now = new AtomicLong(5 * SECOND);

  @Test
  void theBurstIsHalfASecondOfTokens() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, bucket.reserve(0), "token " + i);
    }
    assertEquals(-1, bucket.reserve(0));
  }

  @Test
  void theBurstIsAtLeastOneToken() {
    TokenBucket bucket = new TokenBucket(1, now::get);
    assertEquals(0, bucket.reserve(0));
    assertEquals(SECOND, bucket.reserve(NO_LIMIT));
  }

  @Test
  void anEmptyBucketReservesTheNextTokensInOrder() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    drain(bucket, 5);
    assertEquals(100_000_000L, bucket.reserve(NO_LIMIT));
    assertEquals(200_000_000L, bucket.reserve(NO_LIMIT));
  }

  @Test
  void aWaitLongerThanAllowedReservesNothing() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    drain(bucket, 5);
    assertEquals(-1, bucket.reserve(99_999_999L));
    assertEquals(100_000_000L, bucket.reserve(100_000_000L));
  }

  @Test
  void tokensComeBackWithTimeUpToTheBurst() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    drain(bucket, 5);
    now.addAndGet(SECOND / 10);
    assertEquals(0, bucket.reserve(0));
    assertEquals(-1, bucket.reserve(0));
    now.addAndGet(60 * SECOND);
    drain(bucket, 5);
    assertEquals(100_000_000L, bucket.reserve(NO_LIMIT));
  }

  @Test
  void partlyRefilledTokensShortenTheWait() {
    TokenBucket bucket = new TokenBucket(10, now::get);
    drain(bucket, 5);
    now.addAndGet(40_000_000L);
    assertEquals(60_000_000L, bucket.reserve(NO_LIMIT));
  }

  private static void drain(TokenBucket bucket, int tokens) {
    for (int i = 0; i < tokens; i++) {
      assertEquals(0, bucket.reserve(0), "token " + i + " of the burst");
    }
  }
}
