package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.time.Duration;

/**
 * Overflow-safe time arithmetic. A deadline computed as {@code now + delay} must never wrap
 * around to the past, or a "too late?" check passes and the caller waits forever.
 */
@InternalApi
public final class Durations {
  /** The longest duration any setting accepts: beyond it a value is a mistake, not a wish. */
  public static final Duration MAX_SETTING = Duration.ofHours(24);

  private Durations() {
  }

  /**
   * @param a a non-negative or negative number
   * @param b another
   * @return {@code a + b}, or {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} where it overflows
   */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  /**
   * @param a a number
   * @param factor a non-negative factor
   * @return {@code a * factor}, saturated to the long range
   */
  public static long saturatedMultiply(long a, long factor) {
    try {
      return Math.multiplyExact(a, factor);
    } catch (ArithmeticException overflow) {
      return (a < 0) == (factor < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  /**
   * A positive timeout in OkHttp's milliseconds, rounded up: OkHttp reads 0 as "no timeout", so a
   * timeout under a millisecond truncated to 0 would wait forever, and rounding down would shorten it.
   *
   * @param timeout a timeout, positive
   * @return its milliseconds, at least 1
   */
  public static long toMillisRoundedUp(Duration timeout) {
    long millis = timeout.toMillis();
    return timeout.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  /**
   * @param duration a duration, or null
   * @return its length in nanoseconds, saturated to the long range; 0 for null
   */
  public static long toNanosSaturated(Duration duration) {
    if (duration == null) {
      return 0;
    }
    return saturatedAdd(saturatedMultiply(duration.getSeconds(), 1_000_000_000L), duration.getNano());
  }

  /**
   * Checks a duration setting: positive (or non-negative) and at most {@link #MAX_SETTING}.
   *
   * @param name the setting's name, for the message
   * @param value the value
   * @param zeroAllowed whether zero is accepted
   * @return the value
   * @throws IllegalArgumentException naming the setting and the limit
   */
  public static Duration checkSetting(String name, Duration value, boolean zeroAllowed) {
    if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "zero or positive" : "positive")
          + ", was " + value);
    }
    if (value.compareTo(MAX_SETTING) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + MAX_SETTING + " (24 hours)");
    }
    return value;
  }
}
