package io.github.tcvod.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The list and map handling of generated models, kept here once instead of in every model:
 * immutable copies, never-null views, and conversions between enum constants and raw values.
 */
public final class Copies {
  private Copies() {
  }

  /**
   * @param values the items, or null
   * @param <T> the item type
   * @return an unmodifiable copy, or null for null
   */
  public static <T> List<T> list(Collection<? extends T> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<T>(values));
  }

  /**
   * @param values the entries, or null
   * @param <V> the value type
   * @return an unmodifiable copy keeping the entries' order, or null for null
   */
  public static <V> Map<String, V> map(Map<String, ? extends V> values) {
    return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<String, V>(values));
  }

  /**
   * For the builders' varargs setters.
   *
   * @param values the items, or null
   * @param <T> the item type
   * @return a fixed-size list backed by the array, or null for null
   */
  public static <T> List<T> asList(T[] values) {
    return values == null ? null : Arrays.asList(values);
  }

  /**
   * @param values an unmodifiable list, or null
   * @param <T> the item type
   * @return the list, or an empty one for null
   */
  public static <T> List<T> listOrEmpty(List<T> values) {
    return values == null ? Collections.<T>emptyList() : values;
  }

  /**
   * @param values an unmodifiable map, or null
   * @param <V> the value type
   * @return the map, or an empty one for null
   */
  public static <V> Map<String, V> mapOrEmpty(Map<String, V> values) {
    return values == null ? Collections.<String, V>emptyMap() : values;
  }

  /**
   * @param raw the raw values, or null
   * @param fromValue the enum's lookup, which maps unknown values to its UNKNOWN_TO_SDK_VERSION
   * @param <E> the enum type
   * @return an unmodifiable list of constants, empty for null
   */
  public static <E> List<E> enumList(List<String> raw, Function<String, E> fromValue) {
    if (raw == null) {
      return Collections.emptyList();
    }
    List<E> constants = new ArrayList<>(raw.size());
    for (String value : raw) {
      constants.add(fromValue.apply(value));
    }
    return Collections.unmodifiableList(constants);
  }

  /**
   * @param constants the enum constants, or null
   * @param toWire the enum's conversion to its raw value, which refuses UNKNOWN_TO_SDK_VERSION
   * @param <E> the enum type
   * @return an unmodifiable list of raw values, or null for null
   */
  public static <E> List<String> wireList(Collection<E> constants, Function<E, String> toWire) {
    if (constants == null) {
      return null;
    }
    List<String> raw = new ArrayList<>(constants.size());
    for (E constant : constants) {
      raw.add(toWire.apply(constant));
    }
    return Collections.unmodifiableList(raw);
  }
}
