package io.github.tcvod.example;

import io.github.tcvod.CallContext;
import io.github.tcvod.CallListener;
import io.github.tcvod.exception.VodException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * README example: a Micrometer timer per action and outcome, and a counter of retries, written
 * against {@link CallListener}. The SDK depends on no metrics library; this class is the user's.
 */
public final class MicrometerCallListener implements CallListener {
  private final MeterRegistry registry;

  /** @param registry where the meters go */
  public MicrometerCallListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void callEnded(CallContext call, Throwable failure, int attempts, Duration duration) {
    Timer.builder("tcvod.calls")
        .tag("action", call.action())
        .tag("outcome", outcome(failure))
        .register(registry)
        .record(duration);
  }

  @Override
  public void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
    registry.counter("tcvod.retries", "action", call.action(), "reason", reason).increment();
  }

  @Override
  public void throttleWaited(CallContext call, Duration wait) {
    registry.timer("tcvod.throttle.wait", "action", call.action()).record(wait);
  }

  /** Error codes are a bounded set, so they make good tag values; anything else is its class. */
  private static String outcome(Throwable failure) {
    if (failure == null) {
      return "success";
    }
    return failure instanceof VodException ? ((VodException) failure).errorCode() : failure.getClass().getSimpleName();
  }
}
