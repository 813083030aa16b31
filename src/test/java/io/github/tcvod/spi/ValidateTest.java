package io.github.tcvod.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The checks generated builders call, for every numeric type a spec may use. */
class ValidateTest {
  @Test
  void floatLimitsCompareInTheFloatDomain() {
    assertDoesNotThrow(() -> Validate.atMost("F", 0.3f, 0.3));
    assertDoesNotThrow(() -> Validate.atLeast("F", 0.1f, 0.1));
    assertEquals("F must be at most 0.3, was 0.31",
        assertThrows(IllegalArgumentException.class, () -> Validate.atMost("F", 0.31f, 0.3)).getMessage());
    assertEquals("F must be a finite number, was Infinity",
        assertThrows(IllegalArgumentException.class, () -> Validate.atLeast("F", Float.POSITIVE_INFINITY, 0)).getMessage());
  }

  @Test
  void integerAndDoubleOverloads() {
    assertEquals("I must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> Validate.atLeast("I", Integer.valueOf(0), 1)).getMessage());
    assertEquals("I must be at most 10, was 11",
        assertThrows(IllegalArgumentException.class, () -> Validate.atMost("I", Integer.valueOf(11), 10)).getMessage());
    assertEquals("D must be at most 0.5, was 0.5000001",
        assertThrows(IllegalArgumentException.class, () -> Validate.atMost("D", 0.5000001, 0.5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Validate.atLeast("D", Double.NaN, 0));
    assertDoesNotThrow(() -> Validate.atLeast("D", (Double) null, 0));
  }

  @Test
  void lengthsCountCodePoints() {
    assertDoesNotThrow(() -> Validate.maxLength("S", "🎨🎨", 2));
    assertThrows(IllegalArgumentException.class, () -> Validate.minLength("S", "", 1));
    assertThrows(IllegalArgumentException.class, () -> Validate.minItems("L", Arrays.asList(), 1));
  }
}
