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
    List<Object> model = JsonAdapters.readModel(reader, TABLE);
    assertEquals("a", model.get(1));
    assertEquals(0, reader.heldValues(), "each object's values are wiped once it is built");
    reader.close();

    // Refused in the child, after both objects had a value: the reader is left holding them until closed.
    byte[] broken = "{\"Name\": \"a\", \"Child\": {\"Name\": \"b\", \"Child\": [1]}}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader again = ByteJsonReader.open(broken, 0, broken.length);
    assertThrows(Exception.class, () -> JsonAdapters.readModel(again, TABLE));
    assertTrue(again.refused());
    assertEquals(2, again.heldValues());
    again.close();
    assertEquals(0, again.heldValues(), "closing wipes what a refused document left");
  }
}
