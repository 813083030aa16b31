package io.github.tcvod;

import io.github.tcvod.internal.Durations;
import java.time.Duration;

/**
 * Options of one call, on top of the client's. {@link #timeout(Duration)} is the call's deadline:
 * attempts, backoff and waiting for a rate-limit token all end by then.
 */
public final class CallOptions {
  private static final CallOptions NONE = new CallOptions(null, null, false);

  private final Duration timeout;
  private final RetryPolicy retryPolicy;
  private final boolean idempotent;

  private CallOptions(Duration timeout, RetryPolicy retryPolicy, boolean idempotent) {
    this.timeout = timeout;
    this.retryPolicy = retryPolicy;
    this.idempotent = idempotent;
  }

  /** @return no per-call option: the client's settings apply */
  public static CallOptions none() {
    return NONE;
  }

  /**
   * @param timeout the whole call's deadline, retries and waits included; positive, at most 24 hours
   * @return options with this deadline
   */
  public static CallOptions timeout(Duration timeout) {
    return NONE.withTimeout(timeout);
  }

  /**
   * @param timeout the whole call's deadline; positive, at most 24 hours
   * @return a copy with this deadline
   */
  public CallOptions withTimeout(Duration timeout) {
    return new CallOptions(Durations.checkSetting("timeout", timeout, false), retryPolicy, idempotent);
  }

  /**
   * @param retryPolicy the retry policy of this call instead of the client's
   * @return a copy with this policy
   */
  public CallOptions withRetryPolicy(RetryPolicy retryPolicy) {
    if (retryPolicy == null) {
      throw new IllegalArgumentException("retryPolicy must not be null");
    }
    return new CallOptions(timeout, retryPolicy, idempotent);
  }

  /**
   * For an action called by name ({@code call(action, json)}), which the SDK knows nothing about
   * and therefore never repeats: says that repeating it cannot change state, so that failures the
   * retry policy retries are retried. An action of the spec keeps what the spec says unless this
   * adds idempotency; the typed methods ignore it.
   *
   * @param idempotent whether the action may be repeated
   * @return a copy with this declaration
   */
  public CallOptions withIdempotent(boolean idempotent) {
    return new CallOptions(timeout, retryPolicy, idempotent);
  }

  /** @return the deadline, or null for none */
  public Duration timeout() {
    return timeout;
  }

  /** @return the retry policy of this call, or null for the client's */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** @return whether the caller declared the action idempotent; see {@link #withIdempotent(boolean)} */
  public boolean idempotent() {
    return idempotent;
  }
}
