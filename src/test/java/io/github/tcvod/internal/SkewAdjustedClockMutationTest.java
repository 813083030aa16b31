package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which offsets are adopted, and what the clock shows with them. */
class SkewAdjustedClockMutationTest {
  private static final Instant LOCAL = Instant.parse("2026-11-24T08:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final SkewAdjustedClock clock = new SkewAdjustedClock(Clock.fixed(LOCAL, ZONE));

  @Test
  void withoutCorrectionItShowsTheLocalTime() {
    assertEquals(0, clock.offsetMillis());
    assertEquals(LOCAL, clock.instant());
    assertEquals(LOCAL.toEpochMilli(), clock.millis());
  }

  @Test
  void anAdoptedOffsetMovesTheTimeButNotTheLocalInstant() {
    assertTrue(clock.correctTo(LOCAL.plusSeconds(90)));
    assertEquals(90_000, clock.offsetMillis());
    assertEquals(LOCAL.plusSeconds(90), clock.instant());
    assertEquals(LOCAL.toEpochMilli() + 90_000, clock.millis());
    assertEquals(LOCAL, clock.localInstant());
    assertTrue(clock.correctTo(LOCAL.minusSeconds(30)));
    assertEquals(-30_000, clock.offsetMillis());
    assertEquals(LOCAL.minusSeconds(30), clock.instant());
  }

  @Test
  void offsetsOfExactlyTheMaximumAreAdopted() {
    assertTrue(clock.correctTo(LOCAL.plus(Duration.ofHours(24))));
    assertEquals(Duration.ofHours(24).toMillis(), clock.offsetMillis());
    assertTrue(clock.correctTo(LOCAL.minus(Duration.ofHours(24))));
    assertEquals(-Duration.ofHours(24).toMillis(), clock.offsetMillis());
  }

  @Test
  void offsetsBeyondTheMaximumAreRefusedAndChangeNothing() {
    assertTrue(clock.correctTo(LOCAL.plusSeconds(5)));
    assertFalse(clock.correctTo(LOCAL.plus(Duration.ofHours(24)).plusMillis(1)));
    assertFalse(clock.correctTo(LOCAL.minus(Duration.ofHours(24)).minusMillis(1)));
    assertEquals(5_000, clock.offsetMillis());
    assertEquals(LOCAL.plusSeconds(5), clock.instant());
  }

  @Test
  void itKeepsItsBasesZone() {
    assertEquals(ZONE, clock.getZone());
    assertThrows(UnsupportedOperationException.class, () -> clock.withZone(ZoneOffset.UTC));
  }
}
