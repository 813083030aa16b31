package io.github.tcvod.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.spi.JsonAdapters;
import io.github.tcvod.spi.ModelTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member values the byte reader collects per nesting never outlive the document. */
class ByteJsonReaderModelTest {
  private static final ModelTable<List<Object>> TABLE = ModelTable.of(values -> Arrays.asList(values.clone()),
      ModelTable.scalar("Name", String.class),
      ModelTable.model("Child", ByteJsonReaderModelTest::table));

  static ModelTable<?> table() {
    return TABLE;
  }

  @Test
  void aModelReadOrRefusedHalfWayLeavesNoValueWithTheReader() throws Exception {
    byte[] whole = "{\"Name\": \"a\", \"Child\": {\"Name\": \"b\"}}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(whole, 0, whole.length);
    try {
      List<Object> model = JsonAdapters.readModel(reader, TABLE);
      assertEquals("a", model.get(1));
      assertEquals(0, reader.heldValues(), "each object's values are wiped once it is built");
    } finally {
      reader.close();
    }

    // Refused in the child, after both objects had a value: both arrays are wiped as the refusal leaves them.
    byte[] broken = "{\"Name\": \"a\", \"Child\": {\"Name\": \"b\", \"Child\": [1]}}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader again = ByteJsonReader.open(broken, 0, broken.length);
    try {
      assertThrows(Exception.class, () -> JsonAdapters.readModel(again, TABLE));
      assertTrue(again.refused());
      assertEquals(0, again.heldValues(), "a refused document leaves no value behind");
    } finally {
      again.close();
    }
    assertEquals(0, again.heldValues());
  }

  /** A member's own reader may fail with an exception of its own (a map's repeated key), not a refusal. */
  @Test
  void anObjectAbandonedByAnExceptionLeavesNoValueEvenBeforeClose() throws Exception {
    ModelTable<List<Object>> withMap = ModelTable.of(values -> Arrays.asList(values.clone()),
        ModelTable.scalar("Name", String.class),
        ModelTable.other("Labels", JsonAdapters.mapReader(JsonAdapters::readString)));
    byte[] json = "{\"Name\": \"a\", \"Labels\": {\"k\": \"1\", \"k\": \"2\"}}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(json, 0, json.length);
    try {
      assertThrows(com.google.gson.JsonSyntaxException.class, () -> JsonAdapters.readModel(reader, withMap));
      assertEquals(0, reader.heldValues(), "the values of the abandoned object are wiped at once");
    } finally {
      reader.close();
    }
  }
}
