package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that adds the offset learned from the service's {@code Date} header to its base. */
@InternalApi
public final class SkewAdjustedClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** @param base the local clock */
  public SkewAdjustedClock(Clock base) {
    this.base = base;
  }

  /** @param serverTime the service's time, read from an answer; later calls are stamped with it */
  public void correctTo(Instant serverTime) {
    offsetMillis.set(serverTime.toEpochMilli() - base.millis());
  }

  /** @return the learned offset in milliseconds */
  public long offsetMillis() {
    return offsetMillis.get();
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a skew-adjusted clock keeps its base's zone");
  }
}
