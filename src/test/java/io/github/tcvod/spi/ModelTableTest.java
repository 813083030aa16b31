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
    return viaGson(TABLE, json);
  }

  private static List<Object> viaGson(ModelTable<List<Object>> table, String json) throws IOException {
    return JsonAdapters.readModel(new com.google.gson.stream.JsonReader(new StringReader(json)), table);
  }

  private static List<Object> viaBytes(String json) throws IOException {
    return viaBytes(TABLE, json);
  }

  private static List<Object> viaBytes(ModelTable<List<Object>> table, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(bytes, 0, bytes.length);
    try {
      List<Object> model = JsonAdapters.readModel(reader, table);
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
  void stringValuesOfEveryFormAreReadAlike() throws IOException {
    for (String value : new String[] {"\"\"", "\"plain\"", "\"exactly sixteen!\"", "\"longer than sixteen bytes\"",
        "\"line\\nbreak\"", "\"\\u00e9t\\u00e9\"", "\"Ünïcode\"", "\"tab\\there\"", "\"quote \\\" inside\""}) {
      String json = "{\"Aa\": " + value + ", \"Größe\": " + value + "}";
      List<Object> viaBytes = viaBytes(json);
      assertEquals(viaGson(json), viaBytes, json);
      assertEquals(viaGson(json).get(1), viaBytes.get(10), json);
    }
    assertEquals("line\nbreak", viaBytes("{\"Aa\": \"line\\nbreak\"}").get(1));
    assertEquals("", viaBytes("{\"Aa\": \"\"}").get(1));
  }

  @Test
  void integersAndBooleansOfEveryTokenAreReadAlike() throws IOException {
    for (String json : new String[] {"{\"Count\": -2147483648}", "{\"Count\": 2147483647}", "{\"On\": false}",
        "{\"On\": \"TRUE\"}", "{\"Aa\": true}", "{\"Aa\": -1.5e3}", "{\"Ratio\": -0.25}", "{\"Ratio\": 1e400}"}) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      ByteJsonReader reader = ByteJsonReader.open(bytes, 0, bytes.length);
      try {
        List<Object> viaBytes = JsonAdapters.readModel(reader, TABLE);
        assertEquals(viaGson(json), viaBytes, json);
      } catch (Exception e) {
        assertTrue(reader.refused(), json + ": " + e);
      } finally {
        reader.close();
      }
    }
    assertEquals(Integer.MIN_VALUE, viaBytes("{\"Count\": -2147483648}").get(4));
    assertEquals(Boolean.FALSE, viaBytes("{\"On\": false}").get(5));
    assertEquals("true", viaBytes("{\"Aa\": true}").get(1));
    assertEquals("-1.5e3", viaBytes("{\"Aa\": -1.5e3}").get(1));
  }

  /** Made in the test, not in a static initializer, so that every step of making a table runs under test. */
  @Test
  void aTableOfManyMembersFindsEachByItsBytesAndNoOther() {
    ModelTable.Member[] members = new ModelTable.Member[40];
    for (int i = 0; i < members.length; i++) {
      members[i] = i % 2 == 0 ? ModelTable.scalar("Name" + i, String.class) : ModelTable.model("Name" + i, ModelTableTest::table);
    }
    ModelTable<Object[]> table = ModelTable.of(values -> values.clone(), members);
    ModelShape shape = table.shape;
    assertEquals(40, shape.size());
    for (int i = 0; i < members.length; i++) {
      String name = "Name" + i;
      byte[] bytes = ("x" + name + "x").getBytes(StandardCharsets.US_ASCII);
      assertEquals(i, shape.indexOf(bytes, 1, bytes.length - 1, name.hashCode()), name);
      assertEquals(i, shape.indexOf(name), name);
      assertEquals(name, shape.name(i));
      assertEquals(i % 2 == 0 ? ModelShape.STRING : ModelShape.MODEL, shape.kind(i));
    }
    assertEquals(-1, shape.indexOf("Name40"));
    byte[] other = "Name40".getBytes(StandardCharsets.US_ASCII);
    assertEquals(-1, shape.indexOf(other, 0, other.length, "Name40".hashCode()));
    assertEquals(TABLE.shape, shape.nested(1));
    assertEquals(TABLE.shape, shape.nested(1), "looked up once, then kept");
  }

  /** "AaAa", "AaBB", "BBAa" and "BBBB" share one hash code: each goes to the next free slot, and is found there. */
  @Test
  void namesOfOneHashTakeTheFollowingSlotsAndAreFoundThere() {
    String[] names = {"AaAa", "AaBB", "BBAa", "BBBB", "Other"};
    ModelTable.Member[] members = new ModelTable.Member[names.length];
    for (int i = 0; i < names.length; i++) {
      members[i] = ModelTable.scalar(names[i], String.class);
    }
    ModelShape shape = ModelTable.of(values -> values.clone(), members).shape;
    for (int i = 0; i < names.length; i++) {
      byte[] bytes = names[i].getBytes(StandardCharsets.US_ASCII);
      assertEquals(i, shape.indexOf(bytes, 0, bytes.length, names[i].hashCode()), names[i]);
    }
    byte[] absent = "AaAaAa".getBytes(StandardCharsets.US_ASCII);
    assertEquals(-1, shape.indexOf(absent, 0, 4, "AaAa".hashCode() + 1));
  }

  @Test
  void everyFactoryMakesAMemberOfItsKind() {
    ModelTable<Object[]> table = ModelTable.of(values -> values.clone(), ModelTable.scalar("S", String.class),
        ModelTable.scalar("L", Long.class), ModelTable.scalar("D", Double.class), ModelTable.scalar("I", Integer.class),
        ModelTable.scalar("B", Boolean.class), ModelTable.scalar("O", Object.class),
        ModelTable.model("M", ModelTableTest::table), ModelTable.modelList("ML", ModelTableTest::table),
        ModelTable.other("X", JsonAdapters::readString));
    assertEquals(Arrays.asList(ModelShape.STRING, ModelShape.LONG, ModelShape.DOUBLE, ModelShape.INTEGER, ModelShape.BOOLEAN,
        ModelShape.OTHER, ModelShape.MODEL, ModelShape.MODEL_LIST, ModelShape.OTHER),
        Arrays.asList(table.shape.kind(0), table.shape.kind(1), table.shape.kind(2), table.shape.kind(3),
            table.shape.kind(4), table.shape.kind(5), table.shape.kind(6), table.shape.kind(7), table.shape.kind(8)));
    assertEquals(9, table.shape.size());
  }

  @Test
  void theByteReaderNotesTheWatchedNameAtItsNesting() throws IOException {
    byte[] nested = "{\"Child\": {\"Error\": \"x\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] without = "{\"Aa\": \"Error\"}".getBytes(StandardCharsets.UTF_8);
    boolean[] seen = new boolean[2];
    byte[][] documents = {nested, without};
    for (int i = 0; i < documents.length; i++) {
      ByteJsonReader reader = ByteJsonReader.open(documents[i], 0, documents[i].length);
      try {
        reader.watchName("Error", 1);
        JsonAdapters.readModel(reader, TABLE);
        seen[i] = reader.watchedNameSeen();
      } finally {
        reader.close();
      }
    }
    assertEquals(false, seen[0], "Error one level deeper is not the watched one");
    assertEquals(false, seen[1], "a value that reads Error is no name");
    byte[] plain = "{\"BB\": 1, \"Error\": {\"Code\": \"c\"}}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(plain, 0, plain.length);
    try {
      reader.watchName("Error", 1);
      JsonAdapters.readModel(reader, TABLE);
      assertTrue(reader.watchedNameSeen(), "an unknown member named Error at the model's own nesting");
    } finally {
      reader.close();
    }
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
      assertRefused(TABLE, json);
    }
  }

  private static void assertRefused(ModelTable<?> table, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(bytes, 0, bytes.length);
    try {
      assertThrows(Exception.class, () -> JsonAdapters.readModel(reader, table), json);
      assertTrue(reader.refused(), json);
    } finally {
      reader.close();
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
    assertRefused(TABLE, json.toString());
  }

  @Test
  void aNameRepeatedInTheTableOrAScalarOfAnotherTypeIsRefusedWhenTheTableIsMade() {
    assertThrows(IllegalArgumentException.class,
        () -> ModelTable.of(values -> values, ModelTable.scalar("A", String.class), ModelTable.scalar("A", Long.class)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTable.scalar("When", java.util.Date.class));
    assertTrue(e.getMessage().contains("When") && e.getMessage().contains("java.util.Date"), e.getMessage());
  }

  /** A table of its own per test: what the byte reader learns of the order of members stays with the table. */
  private static ModelTable<List<Object>> ordered() {
    // The reader's array of values may be longer than the table: a model holds its own members only.
    return ModelTable.of(values -> Arrays.asList(Arrays.copyOf(values, 6)),
        ModelTable.scalar("Kind", String.class),
        ModelTable.scalar("Name", String.class),
        ModelTable.scalar("Size", Long.class),
        ModelTable.scalar("Größe", String.class),
        ModelTable.scalar("Error", String.class));
  }

  @Test
  void theFirstAnswersOrderOfMembersIsExpectedAndKept() throws IOException {
    ModelTable<List<Object>> table = ordered();
    ModelShape shape = table.shape;
    assertEquals(-1, shape.expectedAfter(-1), "nothing is expected before an answer");
    viaBytes(table, "{\"Name\": \"a\", \"Size\": 1, \"Kind\": \"k\"}");
    assertEquals(1, shape.expectedAfter(-1));
    assertEquals(2, shape.expectedAfter(1));
    assertEquals(0, shape.expectedAfter(2));
    assertEquals(-1, shape.expectedAfter(0), "nothing followed Kind");
    viaBytes(table, "{\"Kind\": \"k\", \"Size\": 1, \"Error\": \"e\"}");
    assertEquals(1, shape.expectedAfter(-1), "a later order does not replace the first");
    assertEquals(0, shape.expectedAfter(2));
    assertEquals(2, shape.expectedAfter(0), "what had not been seen is learned");
    viaBytes(table, "{\"Error\": \"e\", \"Größe\": \"XL\"}");
    assertEquals(-1, shape.expectedAfter(4), "a name of other than ASCII is never expected");
  }

  @Test
  void anAnswerInAnotherOrderOrWithNamesLikeTheExpectedOnesIsReadAsGsonReadsIt() throws IOException {
    ModelTable<List<Object>> table = ordered();
    String[] answers = {
        "{\"Name\": \"a\", \"Size\": 1, \"Kind\": \"k\"}",
        "{\"Kind\": \"k2\", \"Name\": \"a2\", \"Size\": 2}",
        "{\"Name\": \"a3\", \"Kind\": \"k3\"}",
        "{\"Names\": \"x\", \"Name\": \"a4\", \"Siz\": 9, \"Size\": 4, \"Kind\": \"k4\"}",
        "{\"Nam\": \"x\", \"Name\": \"a5\", \"Size\": 5, \"Kind\": \"k5\", \"Name\": \"b5\"}",
        "{\"Name\":\"a6\",\"Size\":6,\"Kind",
        "{\"Name\": \"a7\", \"Size\": 7, \"Größe\": \"XL\", \"Kind\": \"k7\"}",
        "{\"Name\": \"a8\", \"Size\": 8, \"Größe\": \"L\", \"Kind\": \"k8\"}",
    };
    for (String json : answers) {
      if (json.endsWith("\"Kind")) {
        // The document ends where the expected name would close: refused as any cut-off name.
        assertRefused(table, json);
      } else {
        assertEquals(viaGson(table, json), viaBytes(table, json), json);
      }
    }
  }

  @Test
  void anExpectedMemberIsNotedAsAnyOtherName() throws IOException {
    ModelTable<List<Object>> table = ordered();
    byte[] json = "{\"Name\": \"a\", \"Error\": \"e\"}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      ByteJsonReader reader = ByteJsonReader.open(json, 0, json.length);
      try {
        reader.watchName("Error", 1);
        JsonAdapters.readModel(reader, table);
        assertTrue(reader.watchedNameSeen(), "answer " + (i + 1));
      } finally {
        reader.close();
      }
    }
    assertEquals(4, table.shape.expectedAfter(1), "the second answer's Error was expected");
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
