package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Saturating arithmetic at and around the edges of the long range, and the setting check's limits. */
class DurationsMutationTest {
  /** OkHttp reads 0 ms as no timeout: a part of a millisecond rounds up, a whole number of them stays. */
  @Test
  void timeoutsRoundUpToWholeMilliseconds() {
    assertEquals(1, Durations.toMillisRoundedUp(Duration.ofNanos(1)));
    assertEquals(1, Durations.toMillisRoundedUp(Duration.ofNanos(500_000)));
    assertEquals(1, Durations.toMillisRoundedUp(Duration.ofMillis(1)));
    assertEquals(2, Durations.toMillisRoundedUp(Duration.ofMillis(1).plusNanos(1)));
    assertEquals(10_000, Durations.toMillisRoundedUp(Duration.ofSeconds(10)));
    assertEquals(86_400_001, Durations.toMillisRoundedUp(Duration.ofDays(1).plusNanos(999_999)));
  }

  @Test
  void addsWithinRange() {
    assertEquals(3, Durations.saturatedAdd(1, 2));
    assertEquals(-2, Durations.saturatedAdd(-5, 3));
    assertEquals(-1, Durations.saturatedAdd(Long.MAX_VALUE, Long.MIN_VALUE));
    assertEquals(Long.MAX_VALUE, Durations.saturatedAdd(Long.MAX_VALUE, 0));
    assertEquals(Long.MIN_VALUE, Durations.saturatedAdd(Long.MIN_VALUE, 0));
  }

  @Test
  void addSaturatesInTheDirectionOfTheOverflow() {
    assertEquals(Long.MAX_VALUE, Durations.saturatedAdd(Long.MAX_VALUE, 1));
    assertEquals(Long.MAX_VALUE, Durations.saturatedAdd(Long.MAX_VALUE - 10, Long.MAX_VALUE - 10));
    assertEquals(Long.MIN_VALUE, Durations.saturatedAdd(Long.MIN_VALUE, -1));
    assertEquals(Long.MIN_VALUE, Durations.saturatedAdd(-1, Long.MIN_VALUE));
  }

  @Test
  void multipliesWithinRange() {
    assertEquals(12, Durations.saturatedMultiply(3, 4));
    assertEquals(-12, Durations.saturatedMultiply(-3, 4));
    assertEquals(0, Durations.saturatedMultiply(Long.MAX_VALUE, 0));
  }

  @Test
  void multiplySaturatesWithTheSignOfTheProduct() {
    long big = Long.MAX_VALUE / 2 + 1;
    assertEquals(Long.MAX_VALUE, Durations.saturatedMultiply(big, 2));
    assertEquals(Long.MIN_VALUE, Durations.saturatedMultiply(-big - 5, 2));
    assertEquals(Long.MIN_VALUE, Durations.saturatedMultiply(big, -3));
    assertEquals(Long.MAX_VALUE, Durations.saturatedMultiply(-big, -3));
  }

  @Test
  void convertsDurationsToNanoseconds() {
    assertEquals(0, Durations.toNanosSaturated(null));
    assertEquals(1_500_000_000L, Durations.toNanosSaturated(Duration.ofMillis(1500)));
    assertEquals(-999_999_995L, Durations.toNanosSaturated(Duration.ofSeconds(-1, 5)));
    assertEquals(7, Durations.toNanosSaturated(Duration.ofNanos(7)));
  }

  @Test
  void conversionSaturatesWhereDurationToNanosWouldThrow() {
    assertEquals(Long.MAX_VALUE, Durations.toNanosSaturated(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L, 999_999_999)));
    assertEquals(Long.MAX_VALUE, Durations.toNanosSaturated(Duration.ofDays(200_000)));
    assertEquals(Long.MIN_VALUE, Durations.toNanosSaturated(Duration.ofDays(-200_000)));
  }

  @Test
  void settingsUpToTwentyFourHoursAreAccepted() {
    Duration day = Duration.ofHours(24);
    assertSame(day, Durations.checkSetting("timeout", day, false));
    Duration nano = Duration.ofNanos(1);
    assertSame(nano, Durations.checkSetting("timeout", nano, false));
    assertSame(Duration.ZERO, Durations.checkSetting("baseDelay", Duration.ZERO, true));
  }

  @Test
  void settingsBeyondTwentyFourHoursAreRejectedNamingTheLimit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Durations.checkSetting("maxWait", Duration.ofHours(24).plusNanos(1), true));
    assertTrue(e.getMessage().startsWith("maxWait must be at most"), e.getMessage());
    assertTrue(e.getMessage().contains("24 hours"), e.getMessage());
  }

  @Test
  void zeroIsRejectedWhereItIsNotAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Durations.checkSetting("timeout", Duration.ZERO, false));
    assertEquals("timeout must be positive, was PT0S", e.getMessage());
  }

  @Test
  void negativeAndNullAreRejectedNamingTheSetting() {
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> Durations.checkSetting("baseDelay", Duration.ofMillis(-1), true));
    assertEquals("baseDelay must be zero or positive, was PT-0.001S", negative.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Durations.checkSetting("timeout", null, false));
    assertEquals("timeout must be positive, was null", missing.getMessage());
  }
}
