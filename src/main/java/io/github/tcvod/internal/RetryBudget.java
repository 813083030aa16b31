package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
/**
 * The client-wide retry budget: every retry draws tokens from one bucket shared by all calls of
 * a client, and answers refill it. Under sustained failure the bucket empties and calls are tried
 * once, so a failing service sees little more than the calls themselves instead of a multiple of
 * them (the scheme of the AWS SDKs' "standard" retry mode).
 */
@InternalApi
public final class RetryBudget {
  /** Tokens in a full bucket. */
  public static final int CAPACITY = 500;
  /** Tokens a retry after an error answer costs. */
  public static final int RETRY_COST = 5;
  /** Tokens a retry after a timeout costs: a timeout ties a connection up longer. */
  public static final int TIMEOUT_RETRY_COST = 10;
  /** Tokens a call that succeeds at its first attempt gives back. */
  public static final int SUCCESS_REFUND = 1;

  private int tokens = CAPACITY;

  /**
   * @param cost tokens the retry needs
   * @return whether the tokens were taken; false leaves the bucket as it was
   */
  public synchronized boolean tryAcquire(int cost) {
    if (tokens < cost) {
      return false;
    }
    tokens -= cost;
    return true;
  }

  /**
   * Gives tokens back after a successful attempt: what its retries took, or
   * {@link #SUCCESS_REFUND} for a call that needed none.
   *
   * @param acquired tokens the call's retries drew, 0 when it had none
   */
  public synchronized void release(int acquired) {
    tokens = Math.min(CAPACITY, tokens + (acquired > 0 ? acquired : SUCCESS_REFUND));
  }

  /** @return the tokens left */
  public synchronized int available() {
    return tokens;
  }
}
