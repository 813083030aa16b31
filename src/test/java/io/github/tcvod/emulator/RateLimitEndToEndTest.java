package io.github.tcvod.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.RateLimit;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.RequestLimitExceededException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The emulator throttles at the documented 20/s; the client's own limiter keeps it from being throttled. */
class RateLimitEndToEndTest {
  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  private static VodClient.Builder client(VodEmulator emulator) {
    return VodClient.builder().endpoint(emulator.endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY));
  }

  @Test
  void withoutTheClientLimiterABurstIsThrottledByTheService() {
    int throttled = 0;
    try (VodEmulator emulator = VodEmulator.start(TemplateStore.withBundledTemplates(), Clock.systemUTC());
        VodClient vod = client(emulator).rateLimit(RateLimit.disabled()).retryPolicy(RetryPolicy.none()).build()) {
      for (int i = 0; i < 200 && throttled == 0; i++) {
        try {
          vod.describeProcessImageAsyncTemplates(REQUEST);
        } catch (RequestLimitExceededException e) {
          throttled++;
          assertTrue(e.isRetryable());
        }
      }
    }
    assertTrue(throttled > 0, "back-to-back calls exceed 20 per second unless each takes over 50 ms");
  }

  @Test
  void withTheDefaultLimiterEveryCallSucceeds() {
    try (VodEmulator emulator = VodEmulator.start(TemplateStore.withBundledTemplates(), Clock.systemUTC());
        VodClient vod = client(emulator).retryPolicy(RetryPolicy.none()).build()) {
      for (int i = 0; i < 40; i++) {
        assertEquals(4L, vod.describeProcessImageAsyncTemplates(REQUEST).totalCount(), "call " + i);
      }
    }
  }
}
