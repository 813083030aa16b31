package io.github.tcvod.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * What every generated enum shares, kept here once instead of in each: a generated enum's
 * {@code toString()} is its value as the API spells it, and its constant
 * {@value #UNKNOWN_CONSTANT} stands for a value this SDK version does not know, which the model
 * keeps as raw text.
 */
public final class EnumValues {
  /** The name of the constant that every generated enum has for values it does not know. */
  public static final String UNKNOWN_CONSTANT = "UNKNOWN_TO_SDK_VERSION";

  private EnumValues() {
  }

  /**
   * @param value the raw value, or null
   * @param constants the enum's {@code values()}
   * @param unknown the enum's {@value #UNKNOWN_CONSTANT}
   * @param <E> the enum type
   * @return the constant whose {@code toString()} is exactly this value (case-sensitive),
   *     {@code unknown} for any other value, or null for null
   */
  public static <E extends Enum<E>> E fromValue(String value, E[] constants, E unknown) {
    if (value == null) {
      return null;
    }
    for (E constant : constants) {
      if (value.equals(constant.toString())) {
        return constant;
      }
    }
    return unknown;
  }

  /**
   * @param field the model and field, e.g. {@code ImageEncodeConfig.Format}, for the message
   * @param constant the constant, or null
   * @return its value as the API spells it, or null for null
   * @throws IllegalArgumentException for {@value #UNKNOWN_CONSTANT}, which has no value to send
   */
  public static String toWire(String field, Enum<?> constant) {
    if (constant == null) {
      return null;
    }
    if (UNKNOWN_CONSTANT.equals(constant.name())) {
      throw new IllegalArgumentException(field + ": " + UNKNOWN_CONSTANT + " cannot be sent; pass the raw value as a String");
    }
    return constant.toString();
  }

  /**
   * @param field the model and field, for the message
   * @param constants the constants, or null
   * @return an unmodifiable list of their values, or null for null
   * @throws IllegalArgumentException for {@value #UNKNOWN_CONSTANT}
   */
  public static List<String> toWireList(String field, Collection<? extends Enum<?>> constants) {
    if (constants == null) {
      return null;
    }
    List<String> raw = new ArrayList<>(constants.size());
    for (Enum<?> constant : constants) {
      raw.add(toWire(field, constant));
    }
    return Collections.unmodifiableList(raw);
  }
}
