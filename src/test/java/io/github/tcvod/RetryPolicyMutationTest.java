package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry policy's defaults, settings, limits and backoff arithmetic; and the call options. */
class RetryPolicyMutationTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    RetryPolicy defaults = RetryPolicy.defaults();
    assertEquals(3, defaults.maxAttempts());
    assertEquals(Duration.ofMillis(100), defaults.baseDelay());
    assertEquals(Duration.ofSeconds(5), defaults.maxDelay());
    assertEquals(Duration.ofSeconds(20), defaults.maxTotalTime());
    assertFalse(defaults.retryNonIdempotent());
    assertEquals(1, RetryPolicy.none().maxAttempts());
  }

  @Test
  void everySettingIsKept() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(7).baseDelay(Duration.ofMillis(20))
        .maxDelay(Duration.ofSeconds(2)).maxTotalTime(Duration.ofSeconds(30)).retryNonIdempotent(true).build();
    assertEquals(7, policy.maxAttempts());
    assertEquals(Duration.ofMillis(20), policy.baseDelay());
    assertEquals(Duration.ofSeconds(2), policy.maxDelay());
    assertEquals(Duration.ofSeconds(30), policy.maxTotalTime());
    assertTrue(policy.retryNonIdempotent());
    assertEquals("RetryPolicy(maxAttempts=7, baseDelay=PT0.02S, maxDelay=PT2S, maxTotalTime=PT30S, retryNonIdempotent=true)",
        policy.toString());
  }

  @Test
  void maxAttemptsIsAtLeastOne() {
    assertEquals(1, RetryPolicy.builder().maxAttempts(1).build().maxAttempts());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertEquals("maxAttempts must be at least 1, was 0", e.getMessage());
  }

  @Test
  void durationsAreZeroOrPositiveAndAtMostADay() {
    assertEquals(Duration.ZERO, RetryPolicy.builder().baseDelay(Duration.ZERO).build().baseDelay());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1))).getMessage().startsWith("baseDelay "));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().maxDelay(Duration.ofHours(25))).getMessage().startsWith("maxDelay "));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().maxTotalTime(null)).getMessage().startsWith("maxTotalTime "));
  }

  @Test
  void backoffCeilingDoublesPerRetry() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(50), policy.backoff(1, 0.5));
    assertEquals(Duration.ofMillis(100), policy.backoff(2, 0.5));
    assertEquals(Duration.ofMillis(200), policy.backoff(3, 0.5));
    assertEquals(Duration.ofMillis(399), policy.backoff(3, 0.999));
    assertEquals(Duration.ZERO, policy.backoff(3, 0.0));
  }

  @Test
  void backoffCeilingStopsAtMaxDelay() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(2500), policy.backoff(7, 0.5));
    assertEquals(Duration.ofMillis(2500), policy.backoff(1000, 0.5));
    assertEquals(Duration.ofMillis(2500), policy.backoff(Integer.MAX_VALUE, 0.5));
  }

  @Test
  void aRetryNumberBelowOneUsesTheBaseDelay() {
    assertEquals(Duration.ofMillis(50), RetryPolicy.defaults().backoff(0, 0.5));
    assertEquals(Duration.ofMillis(50), RetryPolicy.defaults().backoff(-5, 0.5));
  }

  @Test
  void aLargeBaseDelayDoesNotOverflowTheCeiling() {
    RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofHours(24)).maxDelay(Duration.ofHours(24)).build();
    assertEquals(Duration.ofHours(12), policy.backoff(40, 0.5));
  }

  @Test
  void callOptionsStartEmpty() {
    assertNull(CallOptions.none().timeout());
    assertNull(CallOptions.none().retryPolicy());
  }

  @Test
  void callOptionsKeepBothSettingsAcrossCopies() {
    RetryPolicy policy = RetryPolicy.none();
    CallOptions options = CallOptions.timeout(Duration.ofSeconds(3)).withRetryPolicy(policy);
    assertEquals(Duration.ofSeconds(3), options.timeout());
    assertSame(policy, options.retryPolicy());
    CallOptions later = options.withTimeout(Duration.ofSeconds(9));
    assertEquals(Duration.ofSeconds(9), later.timeout());
    assertSame(policy, later.retryPolicy());
    assertEquals(Duration.ofSeconds(3), options.timeout());
  }

  @Test
  void callOptionsRejectBadSettingsByName() {
    assertEquals("timeout must be positive, was PT0S",
        assertThrows(IllegalArgumentException.class, () -> CallOptions.timeout(Duration.ZERO)).getMessage());
    assertEquals("retryPolicy must not be null",
        assertThrows(IllegalArgumentException.class, () -> CallOptions.none().withRetryPolicy(null)).getMessage());
  }
}
