package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Version comparison where the found version has fewer parts than the minimum, or very long parts. */
class RuntimeVersionsMutationTest {
  @Test
  void aShorterVersionCountsItsMissingPartsAsZero() {
    assertTrue(RuntimeVersions.isOlder("3", "3.12.0"));
    assertTrue(RuntimeVersions.isOlder("3.11", "3.12.0"));
    assertFalse(RuntimeVersions.isOlder("4", "3.12.0"));
    assertFalse(RuntimeVersions.isOlder("3.12", "3.12.0"));
  }

  @Test
  void partsOfUpToNineDigitsAreCompared() {
    assertFalse(RuntimeVersions.isOlder("3.123456789", "3.12.0"));
    assertFalse(RuntimeVersions.isOlder("2.999999999", "2.8.6"));
  }

  @Test
  void okHttp5AndAnUnknownVersionAskEveryAnswerItsType() {
    assertTrue(RuntimeVersions.asksEveryAnswerItsType("5.5.1"));
    assertTrue(RuntimeVersions.asksEveryAnswerItsType("5.0.0-alpha.14"));
    assertTrue(RuntimeVersions.asksEveryAnswerItsType(RuntimeVersions.UNKNOWN));
    assertFalse(RuntimeVersions.asksEveryAnswerItsType("4.12.0"));
    assertFalse(RuntimeVersions.asksEveryAnswerItsType("3.12.0"));
    // The build's own OkHttp, 4.x: the SDK leaves its answers alone.
    assertFalse(RuntimeVersions.okHttpAsksEveryAnswerItsType());
  }
}
