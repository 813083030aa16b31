package io.github.tcvod.spi;

import java.util.List;

/** Checks of the spec's constraints, called by generated builders. Messages name the field and the limit. */
public final class Validate {
  private Validate() {
  }

  /**
   * @param field the field's name
   * @param value the value
   */
  public static void required(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param minimum the inclusive minimum
   */
  public static void atLeast(String field, Long value, long minimum) {
    if (value != null && value < minimum) {
      throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param maximum the inclusive maximum
   */
  public static void atMost(String field, Long value, long maximum) {
    if (value != null && value > maximum) {
      throw new IllegalArgumentException(field + " must be at most " + maximum + ", was " + value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param minimum the inclusive minimum
   */
  public static void atLeast(String field, Integer value, long minimum) {
    atLeast(field, value == null ? null : value.longValue(), minimum);
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param maximum the inclusive maximum
   */
  public static void atMost(String field, Integer value, long maximum) {
    atMost(field, value == null ? null : value.longValue(), maximum);
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param minimum the inclusive minimum
   */
  public static void atLeast(String field, Double value, double minimum) {
    if (value != null && !(finite(field, value.doubleValue()) >= minimum)) {
      throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param maximum the inclusive maximum
   */
  public static void atMost(String field, Double value, double maximum) {
    if (value != null && !(finite(field, value.doubleValue()) <= maximum)) {
      throw new IllegalArgumentException(field + " must be at most " + maximum + ", was " + value);
    }
  }

  /**
   * For a spec's {@code exclusiveMinimum} (integer limits are made inclusive by the generator).
   *
   * @param field the field's name
   * @param value the value, null to skip
   * @param minimum the exclusive minimum
   */
  public static void above(String field, Double value, double minimum) {
    if (value != null && !(finite(field, value.doubleValue()) > minimum)) {
      throw new IllegalArgumentException(field + " must be above " + minimum + ", was " + value);
    }
  }

  /**
   * For a spec's {@code exclusiveMaximum}.
   *
   * @param field the field's name
   * @param value the value, null to skip
   * @param maximum the exclusive maximum
   */
  public static void below(String field, Double value, double maximum) {
    if (value != null && !(finite(field, value.doubleValue()) < maximum)) {
      throw new IllegalArgumentException(field + " must be below " + maximum + ", was " + value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param minimum the inclusive minimum
   */
  public static void atLeast(String field, Float value, double minimum) {
    // Compared as floats: 0.3f is not "above" a limit of 0.3 written in the spec.
    if (value != null && !(checkFinite(field, value) >= (float) minimum)) {
      throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   * @param maximum the inclusive maximum
   */
  public static void atMost(String field, Float value, double maximum) {
    if (value != null && !(checkFinite(field, value) <= (float) maximum)) {
      throw new IllegalArgumentException(field + " must be at most " + maximum + ", was " + value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   */
  public static void finite(String field, Float value) {
    if (value != null) {
      checkFinite(field, value);
    }
  }

  /**
   * @param field the field's name
   * @param value the value, null to skip
   */
  public static void finite(String field, Double value) {
    if (value != null) {
      finite(field, value.doubleValue());
    }
  }

  private static double finite(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, was " + value);
    }
    return value;
  }

  private static float checkFinite(String field, float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, was " + value);
    }
    return value;
  }

  /**
   * @param field the field's name
   * @param value the list, null to skip
   * @param minimum the least number of items
   */
  public static void minItems(String field, List<?> value, int minimum) {
    if (value != null && value.size() < minimum) {
      throw new IllegalArgumentException(field + " must have at least " + minimum + " items, had " + value.size());
    }
  }

  /**
   * @param field the field's name
   * @param value the list, null to skip
   * @param maximum the most items
   */
  public static void maxItems(String field, List<?> value, int maximum) {
    if (value != null && value.size() > maximum) {
      throw new IllegalArgumentException(field + " must have at most " + maximum + " items, had " + value.size());
    }
  }

  /**
   * @param field the field's name
   * @param value the text, null to skip
   * @param minimum the least number of characters (Unicode code points)
   */
  public static void minLength(String field, String value, int minimum) {
    if (value != null && value.codePointCount(0, value.length()) < minimum) {
      throw new IllegalArgumentException(field + " must have at least " + minimum + " characters, had "
          + value.codePointCount(0, value.length()));
    }
  }

  /**
   * @param field the field's name
   * @param value the text, null to skip
   * @param maximum the most characters (Unicode code points)
   */
  public static void maxLength(String field, String value, int maximum) {
    if (value != null && value.codePointCount(0, value.length()) > maximum) {
      throw new IllegalArgumentException(field + " must have at most " + maximum + " characters, had "
          + value.codePointCount(0, value.length()));
    }
  }
}
