package io.github.tcvod.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The path in a wrong-type message points at the offending value (with JsonReader.getPath, which Gson 2.8 has too). */
class JsonAdaptersPathTest {
  @Test
  void aNonIntegerInAnArrayIsNamedByItsOwnIndex() throws Exception {
    JsonReader in = new JsonReader(new StringReader("{\"Definitions\":[1,\"x\"]}"));
    in.beginObject();
    in.nextName();
    in.beginArray();
    assertEquals(1L, JsonAdapters.readLong(in));
    assertEquals("expected an integer at $.Definitions[1]",
        assertThrows(JsonSyntaxException.class, () -> JsonAdapters.readLong(in)).getMessage());
  }

  @Test
  void aNonNumberInAnObjectIsNamedByItsMember() throws Exception {
    JsonReader in = new JsonReader(new StringReader("{\"Width\":\"wide\"}"));
    in.beginObject();
    in.nextName();
    assertEquals("expected a number at $.Width",
        assertThrows(JsonSyntaxException.class, () -> JsonAdapters.readDouble(in)).getMessage());
  }
}
