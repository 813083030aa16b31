package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client-wide retry budget: every retry draws tokens from one bucket shared by all calls of
 * a client, and answers refill it. Under sustained failure the bucket empties and calls are tried
 * once, so a failing service sees little more than the calls themselves instead of a multiple of
 * them (the scheme of the AWS SDKs' "standard" retry mode).
 *
 * <p>Lock-free: every call of every thread gives back a token on success, and a bucket that is
 * full (the usual state) then only needs a read, where a lock would be taken by each call.
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

  private final AtomicInteger tokens = new AtomicInteger(CAPACITY);

  /**
   * @param cost tokens the retry needs
   * @return whether the tokens were taken; false leaves the bucket as it was
   */
  public boolean tryAcquire(int cost) {
    while (true) {
      int available = tokens.get();
      if (available < cost) {
        return false;
      }
      if (tokens.compareAndSet(available, available - cost)) {
        return true;
      }
    }
  }

  /**
   * Gives tokens back after a successful attempt: what its retries took, or
   * {@link #SUCCESS_REFUND} for a call that needed none.
   *
   * @param acquired tokens the call's retries drew, 0 when it had none
   */
  public void release(int acquired) {
    int refund = acquired > 0 ? acquired : SUCCESS_REFUND;
    while (true) {
      int available = tokens.get();
      int refilled = Math.min(CAPACITY, available + refund);
      // a full bucket stays as it is: no write, so calls on other threads do not contend for it
      if (refilled == available || tokens.compareAndSet(available, refilled)) {
        return;
      }
    }
  }

  /** @return the tokens left */
  public int available() {
    return tokens.get();
  }
}
