package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that adds the offset learned from the service's {@code Date} header to its base. Only
 * an offset within {@link #MAX_SKEW} is adopted: a {@code Date} further off is a broken or hostile
 * answer, and adopting it would stamp every later request of the client with it.
 */
@InternalApi
public final class SkewAdjustedClock extends Clock {
  /** The largest offset from the local clock that is adopted. */
  public static final Duration MAX_SKEW = Duration.ofHours(24);

  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** @param base the local clock */
  public SkewAdjustedClock(Clock base) {
    this.base = base;
  }

  /**
   * @param serverTime the service's time, read from an answer; later calls are stamped with it
   * @return whether it was adopted: false, and nothing changed, when it is more than
   *     {@link #MAX_SKEW} away from the local clock
   */
  public boolean correctTo(Instant serverTime) {
    long offset = Durations.saturatedAdd(serverTime.toEpochMilli(), -base.millis());
    if (offset > MAX_SKEW.toMillis() || offset < -MAX_SKEW.toMillis()) {
      return false;
    }
    offsetMillis.set(offset);
    return true;
  }

  /** @return the local clock's time, without the learned offset */
  public Instant localInstant() {
    return base.instant();
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
