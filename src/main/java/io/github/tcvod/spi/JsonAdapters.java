package io.github.tcvod.spi;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.github.tcvod.internal.Json;
import io.github.tcvod.internal.SafeText;
import io.github.tcvod.internal.json.ByteJsonReader;
import io.github.tcvod.internal.json.ModelShape;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers of the JSON binding that the templates generate for each model: each model reads and
 * writes itself in one streaming pass ({@code readJson} and {@code writeJson}) and reaches the
 * models nested in it through their own static methods, so a nested model costs no adapter lookup
 * in a {@link Gson} instance and no class file of its own.
 */
public final class JsonAdapters {
  private JsonAdapters() {
  }

  /**
   * Reads one JSON value: a model's {@code readJson}, or one of the {@code read...} methods here.
   *
   * @param <T> the value's type
   */
  public interface ValueReader<T> {
    /**
     * @param in positioned at the value
     * @return the value, or null for JSON null
     * @throws IOException on malformed JSON
     */
    T read(JsonReader in) throws IOException;
  }

  /**
   * Writes one JSON value: a model's {@code writeJson}, {@code JsonWriter::value}, or
   * {@link #writeObject}.
   *
   * @param <T> the value's type
   */
  public interface ValueWriter<T> {
    /**
     * @param out the writer
     * @param value the value; null writes JSON null
     * @throws IOException when the writer fails
     */
    void write(JsonWriter out, T value) throws IOException;
  }

  /**
   * Begins reading a model: a JSON null reads as no model at all.
   *
   * @param in positioned at a value
   * @return true when an object began, false when the value was a JSON null (then consumed)
   * @throws IOException on malformed JSON, or a value that is neither an object nor null
   */
  public static boolean beginObjectOrReadNull(JsonReader in) throws IOException {
    if (readNull(in)) {
      return false;
    }
    in.beginObject();
    return true;
  }

  /** @return whether the next value is a JSON null, which is then consumed */
  private static boolean readNull(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.NULL) {
      return false;
    }
    in.nextNull();
    return true;
  }

  /**
   * Writes a member of a model: nothing for an unset field.
   *
   * @param out the writer, inside an object
   * @param name the member's name
   * @param value the value, or null when the field is unset
   * @throws IOException when the writer fails
   */
  public static void writeField(JsonWriter out, String name, String value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  /**
   * Writes a member of a model: nothing for an unset field.
   *
   * @param out the writer, inside an object
   * @param name the member's name
   * @param value the value, or null when the field is unset
   * @throws IOException when the writer fails, or for a double that is not finite and a writer
   *     that is not lenient
   */
  public static void writeField(JsonWriter out, String name, Number value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  /**
   * Writes a member of a model: nothing for an unset field.
   *
   * @param out the writer, inside an object
   * @param name the member's name
   * @param value the value, or null when the field is unset
   * @throws IOException when the writer fails
   */
  public static void writeField(JsonWriter out, String name, Boolean value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  /**
   * Reads a model as its table says: unknown members are skipped, absent and null members stay
   * null, and nothing is validated on the way in, so that newer answers parse. The SDK's byte reader
   * reads it in a loop of its own, straight from the bytes, with the same result.
   *
   * @param in positioned at a value
   * @param table the model's table
   * @param <M> the model
   * @return the model, or null for JSON null
   * @throws IOException on malformed JSON
   */
  public static <M> M readModel(JsonReader in, ModelTable<M> table) throws IOException {
    @SuppressWarnings("unchecked")
    M model = (M) readModel(in, table.shape);
    return model;
  }

  private static Object readModel(JsonReader in, ModelShape shape) throws IOException {
    if (in instanceof ByteJsonReader) {
      return ((ByteJsonReader) in).readModel(shape);
    }
    if (!beginObjectOrReadNull(in)) {
      return null;
    }
    Object[] values = new Object[shape.size() + 1];
    while (in.hasNext()) {
      int member = shape.indexOf(in.nextName());
      if (member < 0) {
        in.skipValue();
      } else {
        values[member + 1] = readMember(in, shape, member);
      }
    }
    in.endObject();
    return shape.build(values);
  }

  private static Object readMember(JsonReader in, ModelShape shape, int member) throws IOException {
    switch (shape.kind(member)) {
      case ModelShape.STRING:
        return readString(in);
      case ModelShape.LONG:
        return readLong(in);
      case ModelShape.DOUBLE:
        return readDouble(in);
      case ModelShape.INTEGER:
        return readInteger(in);
      case ModelShape.BOOLEAN:
        return readBoolean(in);
      case ModelShape.MODEL:
        return readModel(in, shape.nested(member));
      case ModelShape.MODEL_LIST:
        ModelShape items = shape.nested(member);
        return readList(in, item -> readModel(item, items));
      default:
        return shape.read(member, in);
    }
  }

  /**
   * @param in positioned at a value
   * @param item reads one item
   * @param <T> the item type
   * @return a mutable list without the JSON nulls of the array (a list in a response never holds
   *     a null element to trip over), or null for JSON null
   * @throws IOException on malformed JSON
   */
  public static <T> List<T> readList(JsonReader in, ValueReader<T> item) throws IOException {
    if (readNull(in)) {
      return null;
    }
    List<T> list = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      T value = item.read(in);
      if (value != null) {
        list.add(value);
      }
    }
    in.endArray();
    return list;
  }

  /**
   * @param in positioned at a value
   * @param value reads one value
   * @param <V> the value type
   * @return a mutable map in the order of the JSON object, or null for JSON null
   * @throws IOException on malformed JSON
   * @throws JsonSyntaxException when a key repeats, as Gson's own map adapter does
   */
  public static <V> Map<String, V> readMap(JsonReader in, ValueReader<V> value) throws IOException {
    if (readNull(in)) {
      return null;
    }
    Map<String, V> map = new LinkedHashMap<>();
    in.beginObject();
    while (in.hasNext()) {
      String key = in.nextName();
      if (map.containsKey(key)) {
        throw new JsonSyntaxException("duplicate key: " + key);
      }
      map.put(key, value.read(in));
    }
    in.endObject();
    return map;
  }

  /**
   * @param out the writer
   * @param values the list, or null for JSON null
   * @param item writes one item
   * @param <T> the item type
   * @throws IOException when the writer fails
   */
  public static <T> void writeList(JsonWriter out, List<T> values, ValueWriter<T> item) throws IOException {
    if (values == null) {
      out.nullValue();
      return;
    }
    out.beginArray();
    for (T value : values) {
      item.write(out, value);
    }
    out.endArray();
  }

  /**
   * @param out the writer
   * @param values the map, or null for JSON null
   * @param value writes one value; a null value is dropped with its key unless the writer
   *     serializes nulls, as with Gson's own map adapter
   * @param <V> the value type
   * @throws IOException when the writer fails
   */
  public static <V> void writeMap(JsonWriter out, Map<String, V> values, ValueWriter<V> value) throws IOException {
    if (values == null) {
      out.nullValue();
      return;
    }
    out.beginObject();
    for (Map.Entry<String, V> entry : values.entrySet()) {
      out.name(entry.getKey());
      value.write(out, entry.getValue());
    }
    out.endObject();
  }

  /**
   * @param item reads one item
   * @param <T> the item type
   * @return a reader of a list of them, for lists nested in lists or maps
   */
  public static <T> ValueReader<List<T>> listReader(ValueReader<T> item) {
    return in -> readList(in, item);
  }

  /**
   * @param value reads one value
   * @param <V> the value type
   * @return a reader of a map of them, for maps nested in lists or maps
   */
  public static <V> ValueReader<Map<String, V>> mapReader(ValueReader<V> value) {
    return in -> readMap(in, value);
  }

  /**
   * @param item writes one item
   * @param <T> the item type
   * @return a writer of a list of them, for lists nested in lists or maps
   */
  public static <T> ValueWriter<List<T>> listWriter(ValueWriter<T> item) {
    return (out, values) -> writeList(out, values, item);
  }

  /**
   * @param value writes one value
   * @param <V> the value type
   * @return a writer of a map of them, for maps nested in lists or maps
   */
  public static <V> ValueWriter<Map<String, V>> mapWriter(ValueWriter<V> value) {
    return (out, values) -> writeMap(out, values, value);
  }

  /**
   * @param in positioned at a value
   * @return the number as a Long, or null for JSON null
   * @throws IOException on malformed JSON
   * @throws JsonSyntaxException when the value is not an integer
   */
  public static Long readLong(JsonReader in) throws IOException {
    if (readNull(in)) {
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
    if (readNull(in)) {
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

  /**
   * @param in positioned at a value
   * @return the number as an Integer, or null for JSON null
   * @throws IOException on malformed JSON
   * @throws JsonSyntaxException when the value is not an integer of 32 bits
   */
  public static Integer readInteger(JsonReader in) throws IOException {
    if (readNull(in)) {
      return null;
    }
    try {
      return in.nextInt();
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException("expected an integer at " + in.getPath(), e);
    }
  }

  /**
   * @param in positioned at a value
   * @return the boolean, or null for JSON null; a string reads as {@link Boolean#parseBoolean}, as Gson does
   * @throws IOException on malformed JSON, or a value that is no boolean
   */
  public static Boolean readBoolean(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    return token == JsonToken.STRING ? Boolean.parseBoolean(in.nextString()) : in.nextBoolean();
  }

  /**
   * Reads a value of a free-form field: objects as {@code Map<String, Object>} in their order,
   * arrays as {@code List<Object>}, strings, booleans, null, and numbers as {@link BigDecimal}, which
   * keeps every digit (Gson's {@code Double} turned {@code 1} into {@code 1.0} when written back and
   * rounded integers beyond 2^53).
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on malformed JSON
   * @throws JsonSyntaxException for a name twice in one object, nesting deeper than 255, or a number
   *     of more than 10,000 characters or with an exponent beyond 10,000
   */
  public static Object readObject(JsonReader in) throws IOException {
    return FreeFormValues.read(in, 1);
  }

  /**
   * Writes a value of a free-form field as Gson writes an {@code Object}.
   *
   * @param out the writer
   * @param value the value, or null for JSON null
   * @throws IOException when the writer fails
   */
  public static void writeObject(JsonWriter out, Object value) throws IOException {
    FreeFormValues.ADAPTER.write(out, value);
  }

  /**
   * Free-form values: read here, keeping every digit of their numbers; written by the SDK's Gson's
   * adapter of Object, looked up when a model with such a field first needs it.
   */
  private static final class FreeFormValues {
    static final TypeAdapter<Object> ADAPTER = Json.GSON.getAdapter(Object.class);
    /**
     * Gson's own bounds on a number it makes a BigDecimal of: a larger exponent would make a caller's
     * {@code longValue()} build a number of that many digits.
     */
    static final int MAX_NUMBER_CHARS = 10_000;
    static final int MAX_EXPONENT = 10_000;

    static Object read(JsonReader in, int nesting) throws IOException {
      JsonToken token = in.peek();
      if ((token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) && nesting > RawCalls.MAX_NESTING) {
        throw new JsonSyntaxException("a free-form value nests deeper than " + RawCalls.MAX_NESTING + " at " + in.getPath());
      }
      switch (token) {
        case BEGIN_OBJECT: {
          Map<String, Object> members = new LinkedHashMap<>();
          in.beginObject();
          while (in.hasNext()) {
            String name = in.nextName();
            if (members.containsKey(name)) {
              // A tree keeps one of the two: which one the service meant is unknown.
              throw new JsonSyntaxException("a free-form object has the name " + SafeText.of(name, 64) + " twice at "
                  + in.getPath());
            }
            members.put(name, read(in, nesting + 1));
          }
          in.endObject();
          return members;
        }
        case BEGIN_ARRAY: {
          List<Object> items = new ArrayList<>();
          in.beginArray();
          while (in.hasNext()) {
            items.add(read(in, nesting + 1));
          }
          in.endArray();
          return items;
        }
        case STRING:
          return in.nextString();
        case NUMBER:
          return number(in.nextString(), in);
        case BOOLEAN:
          return in.nextBoolean();
        case NULL:
          in.nextNull();
          return null;
        default:
          throw new JsonSyntaxException("a free-form value cannot start with " + token + " at " + in.getPath());
      }
    }

    private static BigDecimal number(String text, JsonReader in) {
      if (text.length() > MAX_NUMBER_CHARS) {
        throw new JsonSyntaxException("a free-form number of more than " + MAX_NUMBER_CHARS + " characters at "
            + in.getPath());
      }
      BigDecimal number;
      try {
        number = new BigDecimal(text);
      } catch (NumberFormatException e) {
        // A lenient reader's NaN or Infinity: no JSON number.
        throw new JsonSyntaxException("a free-form number that is no JSON number at " + in.getPath(), e);
      }
      if (Math.abs((long) number.scale()) > MAX_EXPONENT) {
        throw new JsonSyntaxException("a free-form number with an exponent beyond " + MAX_EXPONENT + " at "
            + in.getPath());
      }
      return number;
    }
  }
}
