package io.github.tcvod.waiter;

import io.github.tcvod.internal.Durations;
import io.github.tcvod.CallOptions;
import java.time.Duration;

/**
 * How long and how often a waiter polls. Unset values take the defaults the spec gives the
 * waiter (its first delay, delay cap and maximum wait). Immutable: each {@code with...} returns a copy.
 *
 * <p>The waiter polls at once, then after the first delay, doubling the delay up to the cap, each
 * delay shortened by a random part of up to half (jitter) so that many waiters spread out. It gives
 * up with a {@link WaiterTimeoutException} when the next poll would start after the maximum wait or
 * after the deadline of {@link #callOptions()}, whichever comes first.
 */
public final class WaiterOptions {
  private static final WaiterOptions DEFAULTS = new WaiterOptions(null, null, null, CallOptions.none());

  private final Duration maxWait;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final CallOptions callOptions;

  private WaiterOptions(Duration maxWait, Duration firstDelay, Duration maxDelay, CallOptions callOptions) {
    this.maxWait = maxWait;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.callOptions = callOptions;
  }

  /** @return the spec's defaults for every setting */
  public static WaiterOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @param maxWait the longest time to wait in all, polls included; positive
   * @return a copy with this maximum wait
   */
  public WaiterOptions withMaxWait(Duration maxWait) {
    return new WaiterOptions(Durations.checkSetting("WaiterOptions.maxWait", maxWait, false), firstDelay, maxDelay, callOptions);
  }

  /**
   * @param firstDelay the delay before the second poll; zero or more
   * @return a copy with this first delay
   */
  public WaiterOptions withFirstDelay(Duration firstDelay) {
    return new WaiterOptions(maxWait, Durations.checkSetting("WaiterOptions.firstDelay", firstDelay, true), maxDelay, callOptions);
  }

  /**
   * @param maxDelay the longest delay between two polls; zero or more, at least the first delay
   * @return a copy with this cap
   */
  public WaiterOptions withMaxDelay(Duration maxDelay) {
    return new WaiterOptions(maxWait, firstDelay, Durations.checkSetting("WaiterOptions.maxDelay", maxDelay, true), callOptions);
  }

  /**
   * @param callOptions options of each poll (e.g. its retry policy); their timeout, when set, is
   *     the deadline of the whole wait
   * @return a copy with these options
   */
  public WaiterOptions withCallOptions(CallOptions callOptions) {
    if (callOptions == null) {
      throw new IllegalArgumentException("WaiterOptions.callOptions must not be null");
    }
    return new WaiterOptions(maxWait, firstDelay, maxDelay, callOptions);
  }

  /** @return the maximum wait, or null for the spec's default */
  public Duration maxWait() {
    return maxWait;
  }

  /** @return the first delay, or null for the spec's default */
  public Duration firstDelay() {
    return firstDelay;
  }

  /** @return the delay cap, or null for the spec's default */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** @return the options of each poll; never null */
  public CallOptions callOptions() {
    return callOptions;
  }
}
