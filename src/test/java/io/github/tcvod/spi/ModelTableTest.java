package io.github.tcvod.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.internal.json.ByteJsonReader;
import io.github.tcvod.internal.json.ModelShape;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's table, and the two loops that read it: the byte reader's and the one over any JsonReader. */
class ModelTableTest {
  /** "Aa" and "BB" share a hash code: the table tells them apart by their bytes. */
  private static final ModelTable<List<Object>> TABLE = ModelTable.of(values -> Arrays.asList(values.clone()),
      ModelTable.scalar("Aa", String.class),
      ModelTable.scalar("BB", Long.class),
      ModelTable.scalar("Ratio", Double.class),
      ModelTable.scalar("Count", Integer.class),
      ModelTable.scalar("On", Boolean.class),
      ModelTable.scalar("Any", Object.class),
      ModelTable.model("Child", ModelTableTest::table),
      ModelTable.modelList("Children", ModelTableTest::table),
      ModelTable.other("Tags", JsonAdapters.listReader(JsonAdapters::readString)),
      ModelTable.scalar("Größe", String.class));

  static ModelTable<?> table() {
    return TABLE;
  }

  private static List<Object> viaGson(String json) throws IOException {
    return JsonAdapters.readModel(new com.google.gson.stream.JsonReader(new StringReader(json)), TABLE);
  }

  private static List<Object> viaBytes(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(bytes, 0, bytes.length);
    try {
      List<Object> model = JsonAdapters.readModel(reader, TABLE);
      assertTrue(!reader.refused(), "not refused: " + json);
      return model;
    } finally {
      reader.close();
    }
  }

  @Test
  void namesSharingAHashAreToldApartAndEveryKindIsReadAlikeByBothLoops() throws IOException {
    String json = "{\"BB\": 12, \"Aa\": \"a\", \"Ratio\": 0.5, \"Count\": 7, \"On\": true, \"Any\": {\"x\": [1]},"
        + " \"Child\": {\"Aa\": \"inner\"}, \"Children\": [null, {\"BB\": 1}, {}], \"Tags\": [\"t\", null],"
        + " \"Größe\": \"XL\", \"Unknown\": {\"deep\": [true, null, \"s\"]}}";
    List<Object> viaBytes = viaBytes(json);
    assertEquals(viaGson(json), viaBytes);
    // position 0 is not a member's
    assertNull(viaBytes.get(0));
    assertEquals("a", viaBytes.get(1));
    assertEquals(12L, viaBytes.get(2));
    assertEquals(0.5, viaBytes.get(3));
    assertEquals(7, viaBytes.get(4));
    assertEquals(Boolean.TRUE, viaBytes.get(5));
    assertEquals("inner", ((List<?>) viaBytes.get(7)).get(1));
    assertEquals(2, ((List<?>) viaBytes.get(8)).size(), "the null item is left out");
    assertEquals("XL", viaBytes.get(10));
  }

  @Test
  void gsonsConversionsAndNullsAreReadAlike() throws IOException {
    String json = "{\"Aa\": 42, \"BB\": null, \"Ratio\": 3, \"Count\": null, \"On\": \"yes\", \"Child\": null,"
        + " \"Children\": null, \"Tags\": null, \"Any\": null, \"Größe\": false}";
    List<Object> viaBytes = viaBytes(json);
    assertEquals(viaGson(json), viaBytes);
    assertEquals("42", viaBytes.get(1));
    assertEquals(3.0, viaBytes.get(3));
    assertEquals(Boolean.FALSE, viaBytes.get(5), "a string reads as Boolean.parseBoolean reads it");
    assertEquals("false", viaBytes.get(10));
  }

  @Test
  void theLastOfARepeatedMemberWinsInBothLoops() throws IOException {
    String json = "{\"Aa\": \"first\", \"Aa\": \"second\"}";
    assertEquals("second", viaBytes(json).get(1));
    assertEquals("second", viaGson(json).get(1));
  }

  @Test
  void whatTheByteReaderCannotReadAsGsonWouldIsRefused() throws IOException {
    for (String json : new String[] {"{\"BB\": 1.5}", "{\"BB\": \"12\"}", "{\"Count\": 2147483648}", "{\"Child\": []}",
        "{\"Children\": {}}", "{\"Aa\": {}}", "{\"Aa\": \"x\",}", "{\"A\\u0061\": \"escaped name\"}", "[]"}) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      ByteJsonReader reader = ByteJsonReader.open(bytes, 0, bytes.length);
      try {
        assertThrows(Exception.class, () -> JsonAdapters.readModel(reader, TABLE), json);
        assertTrue(reader.refused(), json);
      } finally {
        reader.close();
      }
    }
  }

  @Test
  void aModelInNestedObjectsDeeperThanTheReaderGoesIsRefused() {
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      json.append("{\"Child\": ");
    }
    json.append("null");
    for (int i = 0; i < 70; i++) {
      json.append('}');
    }
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(bytes, 0, bytes.length);
    try {
      assertThrows(Exception.class, () -> JsonAdapters.readModel(reader, TABLE));
      assertTrue(reader.refused());
    } finally {
      reader.close();
    }
  }

  @Test
  void aNameRepeatedInTheTableOrAScalarOfAnotherTypeIsRefusedWhenTheTableIsMade() {
    assertThrows(IllegalArgumentException.class,
        () -> ModelTable.of(values -> values, ModelTable.scalar("A", String.class), ModelTable.scalar("A", Long.class)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTable.scalar("When", java.util.Date.class));
    assertTrue(e.getMessage().contains("When") && e.getMessage().contains("java.util.Date"), e.getMessage());
  }

  @Test
  void theShapeAnswersWhatTheTableSays() {
    ModelShape shape = TABLE.shape;
    assertEquals(10, shape.size());
    byte[] name = "BB".getBytes(StandardCharsets.US_ASCII);
    assertEquals(1, shape.indexOf(name, 0, 2, "BB".hashCode()));
    assertEquals(0, shape.indexOf("Aa"));
    assertEquals(-1, shape.indexOf("Ab"));
    assertEquals(-1, shape.indexOf("Ab".getBytes(StandardCharsets.US_ASCII), 0, 2, "Ab".hashCode()));
    assertEquals(9, shape.indexOf("Größe"));
    assertEquals("Children", shape.name(7));
    assertEquals(ModelShape.MODEL_LIST, shape.kind(7));
    assertEquals(ModelShape.OTHER, shape.kind(8));
    assertEquals(shape, shape.nested(6));
  }
}
