package io.github.tcvod;

/**
 * Client-side rate limiting: a token bucket per action, shared by every thread using one client,
 * so that callers wait for a token instead of being throttled by the service. By default each
 * action gets the rate the spec documents (20 requests per second for
 * DescribeProcessImageAsyncTemplates), with a burst of half a second's worth, so that a service
 * counting per second never sees more than the documented rate, network jitter included.
 */
public final class RateLimit {
  private static final RateLimit FROM_SPEC = new RateLimit(true, 0);
  private static final RateLimit DISABLED = new RateLimit(false, 0);

  private final boolean enabled;
  private final double perSecond;

  private RateLimit(boolean enabled, double perSecond) {
    this.enabled = enabled;
    this.perSecond = perSecond;
  }

  /** @return each action limited to its documented rate (the default) */
  public static RateLimit fromSpec() {
    return FROM_SPEC;
  }

  /** @return no client-side limit */
  public static RateLimit disabled() {
    return DISABLED;
  }

  /**
   * @param requestsPerSecond the rate of every action, documented or not; positive
   * @return a limit of that rate per action
   */
  public static RateLimit perSecond(double requestsPerSecond) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive and finite, was " + requestsPerSecond);
    }
    return new RateLimit(true, requestsPerSecond);
  }

  /**
   * @param documented the action's documented rate, 0 when none
   * @return the rate to enforce for the action, 0 for none
   */
  public double rateFor(int documented) {
    if (!enabled) {
      return 0;
    }
    return perSecond > 0 ? perSecond : documented;
  }

  @Override
  public String toString() {
    return !enabled ? "RateLimit(disabled)" : perSecond > 0 ? "RateLimit(" + perSecond + "/s)" : "RateLimit(from spec)";
  }
}
