package io.github.tcvod.internal;

import io.github.tcvod.CallContext;
import io.github.tcvod.CallListener;
import io.github.tcvod.InternalApi;
import io.github.tcvod.RequestLogger;
import java.time.Duration;

/**
 * The {@link RequestLogger}'s lines about a call as a whole, which the wire does not show: the
 * waits of the rate limit, the retries and why, and clock-skew corrections. The lines about each
 * HTTP exchange (request line, headers, status) come from the logging interceptor, which sees the
 * request as signed. Lines start with {@code ~~ } to tell them from the wire's {@code -->} and {@code <--}.
 */
@InternalApi
public final class LoggingCallListener implements CallListener {
  private final RequestLogger logger;

  /** @param logger receives the lines */
  public LoggingCallListener(RequestLogger logger) {
    this.logger = logger;
  }

  @Override
  public void throttleWaited(CallContext call, Duration wait) {
    logger.log("~~ " + call.action() + ": waiting " + millis(wait) + " ms for the client-side rate limit");
  }

  @Override
  public void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
    logger.log("~~ " + call.action() + ": attempt " + attempt + " failed with " + SafeText.of(reason, 128)
        + ", retrying in " + millis(delay) + " ms");
  }

  @Override
  public void clockSkewCorrected(CallContext call, Duration oldOffset, Duration newOffset) {
    logger.log("~~ " + call.action() + ": clock offset corrected from " + oldOffset.toMillis() + " ms to "
        + newOffset.toMillis() + " ms, re-sending");
  }

  private static long millis(Duration duration) {
    return duration.toMillis();
  }
}
