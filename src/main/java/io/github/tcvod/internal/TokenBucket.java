package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.util.function.LongSupplier;

/**
 * A token bucket holding at most half a second's worth of tokens (at least one). A caller that
 * finds it empty reserves the next token and is told how long to wait for it, so waiting callers
 * are served in order and the rate holds across threads. The burst is half of what the service
 * allows in a second so that a service counting per second, seeing requests with network jitter,
 * still never sees more than the documented rate.
 */
@InternalApi
public final class TokenBucket {
  private final LongSupplier nanoTime;
  private final double tokensPerNano;
  private final double capacity;
  private double tokens;
  private long last;

  /**
   * @param perSecond the rate, positive
   * @param nanoTime source of monotonic time in nanoseconds
   */
  public TokenBucket(double perSecond, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.tokensPerNano = perSecond / 1e9;
    this.capacity = Math.max(1, perSecond / 2);
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /**
   * @param maxWaitNanos the longest the caller may wait
   * @return nanoseconds to wait before the reserved token is due (0 for now), or -1 when it would
   *     come later than {@code maxWaitNanos}, in which case nothing is reserved
   */
  public synchronized long reserve(long maxWaitNanos) {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    long wait = (long) Math.ceil((1 - tokens) / tokensPerNano);
    if (wait > maxWaitNanos) {
      return -1;
    }
    tokens -= 1;
    return wait;
  }
}
