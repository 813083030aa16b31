package io.github.tcvod.spi;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Helpers of the Gson adapters that the templates generate for each model. */
public final class JsonAdapters {
  private JsonAdapters() {
  }

  /**
   * @param gson the Gson instance
   * @param item the item type
   * @param <T> the item type
   * @return the adapter of {@code List<T>}, which reads an ArrayList without the JSON nulls in
   *     the array: a list in a response never holds a null element to trip over
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeAdapter<List<T>> listOf(Gson gson, Class<T> item) {
    TypeAdapter<List<T>> lists = (TypeAdapter<List<T>>) gson.getAdapter(TypeToken.getParameterized(List.class, item));
    return new TypeAdapter<List<T>>() {
      @Override
      public void write(JsonWriter out, List<T> value) throws IOException {
        lists.write(out, value);
      }

      @Override
      public List<T> read(JsonReader in) throws IOException {
        List<T> list = lists.read(in);
        if (list != null) {
          list.removeIf(Objects::isNull);
        }
        return list;
      }
    };
  }

  /**
   * @param gson the Gson instance
   * @param value the value type
   * @param <V> the value type
   * @return the adapter of {@code Map<String, V>}
   */
  @SuppressWarnings("unchecked")
  public static <V> TypeAdapter<Map<String, V>> mapOf(Gson gson, Class<V> value) {
    return (TypeAdapter<Map<String, V>>) gson.getAdapter(TypeToken.getParameterized(Map.class, String.class, value));
  }

  /**
   * @param gson the Gson instance
   * @param type a nested container type, e.g. {@code List<List<Long>>}
   * @param <T> the type
   * @return its adapter
   */
  public static <T> TypeAdapter<T> of(Gson gson, TypeToken<T> type) {
    return gson.getAdapter(type);
  }

  /**
   * @param in positioned at a value
   * @return the number as a Long, or null for JSON null
   * @throws IOException on malformed JSON
   * @throws JsonSyntaxException when the value is not an integer
   */
  public static Long readLong(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    try {
      return in.nextLong();
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException("expected an integer at " + in.getPath(), e);
    }
  }

  /**
   * Reads every digit the service sent: a float of the API is a {@code Double} in the SDK, since a
   * Java float keeps only about 7 significant digits ({@code 59.990001678467} would read as 59.99).
   *
   * @param in positioned at a value
   * @return the number as a Double, or null for JSON null
   * @throws IOException on malformed JSON
   * @throws JsonSyntaxException when the value is not a number
   */
  public static Double readDouble(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    try {
      return in.nextDouble();
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException("expected a number at " + in.getPath(), e);
    }
  }

  /**
   * @param in positioned at a value
   * @return the text, or null for JSON null; numbers and booleans read as their text, as Gson does
   * @throws IOException on malformed JSON, or an object or array where text belongs
   */
  public static String readString(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    return token == JsonToken.BOOLEAN ? Boolean.toString(in.nextBoolean()) : in.nextString();
  }
}
