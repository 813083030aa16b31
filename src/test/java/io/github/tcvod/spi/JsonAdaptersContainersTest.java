package io.github.tcvod.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import java.util.Collections;
import java.math.BigDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list, map and scalar helpers that generated models read and write their JSON with, instead
 * of adapters looked up in a Gson instance: they must read and write what Gson's own adapters did.
 */
class JsonAdaptersContainersTest {
  private static final Gson GSON = new Gson();

  @Test
  void listsDropJsonNullsAndReadNullAsAbsent() throws IOException {
    assertEquals(Arrays.asList(1L, 3L), JsonAdapters.readList(reader("[1,null,3]"), JsonAdapters::readLong));
    assertNull(JsonAdapters.readList(reader("null"), JsonAdapters::readLong));
    assertTrue(JsonAdapters.readList(reader("[]"), JsonAdapters::readString).isEmpty());
  }

  @Test
  void mapsKeepTheirOrderAndNullValuesAndRefuseARepeatedKey() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("b", "1");
    expected.put("a", null);
    assertEquals(expected, JsonAdapters.readMap(reader("{\"b\":\"1\",\"a\":null}"), JsonAdapters::readString));
    assertNull(JsonAdapters.readMap(reader("null"), JsonAdapters::readString));
    assertEquals("duplicate key: a", assertThrows(JsonSyntaxException.class,
        () -> JsonAdapters.readMap(reader("{\"a\":1,\"a\":2}"), JsonAdapters::readLong)).getMessage());
  }

  @Test
  void nestedContainersReadAndWriteThroughComposedReadersAndWriters() throws IOException {
    List<List<Long>> matrix = JsonAdapters.readList(reader("[[1,2],[],[3]]"), JsonAdapters.listReader(JsonAdapters::readLong));
    assertEquals(Arrays.asList(Arrays.asList(1L, 2L), Arrays.<Long>asList(), Arrays.asList(3L)), matrix);
    assertEquals("[[1,2],[],[3]]", write(out -> JsonAdapters.writeList(out, matrix, JsonAdapters.listWriter(JsonWriter::value))));
    Map<String, Map<String, Long>> nested = JsonAdapters.readMap(reader("{\"x\":{\"y\":1}}"), JsonAdapters.mapReader(JsonAdapters::readLong));
    assertEquals("{\"x\":{\"y\":1}}", write(out -> JsonAdapters.writeMap(out, nested, JsonAdapters.mapWriter(JsonWriter::value))));
  }

  @Test
  void writesWhatGsonsOwnAdaptersWrite() throws IOException {
    List<String> list = Arrays.asList("a", null, "c");
    assertEquals(GSON.toJson(list), write(out -> JsonAdapters.writeList(out, list, JsonWriter::value)));
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("x", 1.5);
    map.put("dropped", null);
    assertEquals(GSON.toJson(map), write(out -> JsonAdapters.writeMap(out, map, JsonWriter::value)));
    assertEquals("{\"x\":1.5}", GSON.toJson(map), "a null map value is left out unless the Gson serializes nulls");
  }

  @Test
  void readsScalarsAsGsonDoes() throws IOException {
    for (String json : new String[] {"true", "\"true\"", "\"TRUE\"", "false", "\"yes\"", "null"}) {
      assertEquals(GSON.fromJson(json, Boolean.class), JsonAdapters.readBoolean(reader(json)), json);
    }
    for (String json : new String[] {"7", "-7", "\"7\"", "null"}) {
      assertEquals(GSON.fromJson(json, Integer.class), JsonAdapters.readInteger(reader(json)), json);
    }
    assertThrows(JsonSyntaxException.class, () -> JsonAdapters.readInteger(reader("4294967296")));
    String freeForm = "{\"a\":[1.5,\"b\",true,null],\"c\":{}}";
    Object value = JsonAdapters.readObject(reader(freeForm));
    assertEquals(GSON.toJson(GSON.fromJson(freeForm, Object.class)), write(out -> JsonAdapters.writeObject(out, value)));
  }

  /** Gson reads a number of an Object as a Double: 1 came back as 1.0, and 2^53 + 1 as 2^53. */
  @Test
  void freeFormNumbersKeepEveryDigit() throws IOException {
    String freeForm = "{\"a\":[1,9007199254740993,1.50,-0.000001,2e3],\"b\":{\"c\":123456789012345678901234567890}}";
    Object value = JsonAdapters.readObject(reader(freeForm));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("9007199254740993"), new BigDecimal("1.50"),
        new BigDecimal("-0.000001"), new BigDecimal("2e3")));
    expected.put("b", Collections.singletonMap("c", new BigDecimal("123456789012345678901234567890")));
    assertEquals(expected, value);
    assertEquals("{\"a\":[1,9007199254740993,1.50,-0.000001,2E+3],\"b\":{\"c\":123456789012345678901234567890}}",
        write(out -> JsonAdapters.writeObject(out, value)));
  }

  @Test
  void freeFormValuesThatATreeWouldChangeOrThatCannotBeUsedAreRefused() {
    JsonSyntaxException twice = assertThrows(JsonSyntaxException.class,
        () -> JsonAdapters.readObject(reader("{\"k\":1,\"k\":2}")));
    assertTrue(twice.getMessage().contains("the name k twice"), twice.getMessage());
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      deep.append('[');
    }
    JsonSyntaxException nested = assertThrows(JsonSyntaxException.class,
        () -> JsonAdapters.readObject(reader(deep.toString())), "not a StackOverflowError");
    assertTrue(nested.getMessage().contains("deeper than 255"), nested.getMessage());
    StringBuilder limit = new StringBuilder();
    for (int i = 0; i < 254; i++) {
      limit.append('[');
    }
    for (int i = 0; i < 254; i++) {
      limit.append(']');
    }
    assertDoesNotThrow(() -> JsonAdapters.readObject(reader("[" + limit + "]")), "255 levels are read");
    assertThrows(JsonSyntaxException.class, () -> JsonAdapters.readObject(reader("[[" + limit + "]]")));
    assertThrows(JsonSyntaxException.class, () -> JsonAdapters.readObject(reader("1e1000000000")),
        "a caller's longValue() would build a number of a billion digits");
    assertEquals(new BigDecimal("1e10000"), assertDoesNotThrow(() -> JsonAdapters.readObject(reader("1e10000"))));
    assertThrows(JsonSyntaxException.class, () -> JsonAdapters.readObject(reader("1e10001")));
  }

  @Test
  void anUnsetFieldIsLeftOutEvenWhenTheWriterSerializesNulls() throws IOException {
    StringWriter text = new StringWriter();
    JsonWriter out = new GsonBuilder().serializeNulls().create().newJsonWriter(text);
    out.beginObject();
    JsonAdapters.writeField(out, "Text", (String) null);
    JsonAdapters.writeField(out, "Count", (Long) null);
    JsonAdapters.writeField(out, "Flag", (Boolean) null);
    JsonAdapters.writeField(out, "Text2", "t");
    JsonAdapters.writeField(out, "Count2", 2L);
    JsonAdapters.writeField(out, "Ratio", 59.990001678467);
    JsonAdapters.writeField(out, "Flag2", false);
    out.endObject();
    out.flush();
    assertEquals("{\"Text2\":\"t\",\"Count2\":2,\"Ratio\":59.990001678467,\"Flag2\":false}", text.toString());
  }

  @Test
  void aModelBeginsOnlyAtAnObject() throws IOException {
    JsonReader in = reader("[null,{}]");
    in.beginArray();
    assertEquals(false, JsonAdapters.beginObjectOrReadNull(in));
    assertEquals(true, JsonAdapters.beginObjectOrReadNull(in));
    in.endObject();
    in.endArray();
    assertThrows(IllegalStateException.class, () -> JsonAdapters.beginObjectOrReadNull(reader("[]")));
  }

  @Test
  void listsReadLikeGsonsListAdapterWithoutNulls() throws IOException {
    String json = "[\"a\",1,true,null]";
    List<String> gsons = GSON.fromJson(json, new TypeToken<List<String>>() { }.getType());
    gsons.remove(null);
    assertEquals(gsons, JsonAdapters.readList(reader(json), JsonAdapters::readString));
  }

  private static JsonReader reader(String json) {
    return GSON.newJsonReader(new StringReader(json));
  }

  private interface Body {
    void write(JsonWriter out) throws IOException;
  }

  private static String write(Body body) throws IOException {
    StringWriter text = new StringWriter();
    JsonWriter out = GSON.newJsonWriter(text);
    body.write(out);
    out.flush();
    return text.toString();
  }
}
