package io.github.tcvod;

import io.github.tcvod.internal.Durations;
import java.time.Duration;

/**
 * When and how a failed call is repeated. Defaults: at most 3 attempts, only for actions the spec
 * marks idempotent, exponential backoff with full jitter from 100 ms up to 5 s, at most 20 s from
 * the first attempt to the last retry, and {@code Retry-After} honoured. Only failures whose
 * {@link io.github.tcvod.exception.VodException#isRetryable()} is true are repeated: throttling
 * ({@code RequestLimitExceeded.*}), {@code InternalError}, {@code ServiceUnavailable}, transport
 * failures such as timeouts, resets and bodies cut short, and HTTP 429/502/503/504. Every attempt
 * is signed anew. Durations are at most 24 hours. Retries also draw on the client-wide retry
 * budget, which sustained failure exhausts, after which calls are tried once.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxTotalTime;
  private final boolean retryNonIdempotent;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
    this.maxTotalTime = builder.maxTotalTime;
    this.retryNonIdempotent = builder.retryNonIdempotent;
  }

  /** @return the default policy */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** @return a policy that never repeats a call (a clock-skew correction still may) */
  public static RetryPolicy none() {
    return NONE;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the most attempts of one call, the first included */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the backoff before the first retry is drawn from zero up to this */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** @return the largest backoff ceiling */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** @return no retry starts later than this after the first attempt */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** @return whether actions that are not idempotent are repeated too */
  public boolean retryNonIdempotent() {
    return retryNonIdempotent;
  }

  /**
   * @param retry the number of the retry, 1 for the first
   * @param random a number in [0, 1)
   * @return the full-jitter backoff: random between zero and min(maxDelay, baseDelay * 2^(retry-1))
   */
  public Duration backoff(int retry, double random) {
    long ceiling = baseDelay.toMillis() << Math.min(30, Math.max(0, retry - 1));
    return Duration.ofMillis((long) (random * Math.min(maxDelay.toMillis(), ceiling)));
  }

  @Override
  public String toString() {
    return "RetryPolicy(maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", maxTotalTime=" + maxTotalTime + ", retryNonIdempotent=" + retryNonIdempotent + ")";
  }

  /** Builder of {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Duration maxTotalTime = Duration.ofSeconds(20);
    private boolean retryNonIdempotent;

    private Builder() {
    }

    /**
     * @param maxAttempts attempts of one call, the first included; 1 disables retries
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param baseDelay ceiling of the first backoff; doubled for each further retry
     * @return this builder
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = nonNegative("baseDelay", baseDelay);
      return this;
    }

    /**
     * @param maxDelay largest backoff ceiling
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative("maxDelay", maxDelay);
      return this;
    }

    /**
     * @param maxTotalTime no retry starts later than this after the first attempt
     * @return this builder
     */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = nonNegative("maxTotalTime", maxTotalTime);
      return this;
    }

    /**
     * @param retryNonIdempotent also repeat actions that may change state (off by default: a
     *     repeated Create may create twice)
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    private static Duration nonNegative(String name, Duration value) {
      return Durations.checkSetting(name, value, true);
    }

    /** @return the policy */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
