package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serializing straight to bytes gives the bytes of {@code toJson(value).getBytes(UTF_8)}. */
class JsonTest {
  @Test
  void bytesAreThoseOfTheStringPathForEveryKindOfCharacter() {
    String[] texts = {"", "plain ascii", "caf\u00e9 \u4e2d\u6587", "\ud83d\ude00 emoji", "lone high \ud800 then text",
        "lone low \udc00", "high at end \ud83d", "<html> & 'quotes' \" \\ \n\t\u0001", "\u2028\u2029",
        String.join("", java.util.Collections.nCopies(3000, "\u00e9x\ud83d\ude00"))};
    for (String text : texts) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("Name", text);
      value.put("List", Arrays.asList(text, 1, 2.5, true));
      assertArrayEquals(Json.GSON.toJson(value).getBytes(StandardCharsets.UTF_8), Json.toUtf8(Json.GSON, value),
          "for " + text.length() + " chars");
    }
  }

  @Test
  void aWriterReusedAfterALargeBodyStillWritesSmallOnesExactly() {
    Map<String, Object> large = new LinkedHashMap<>();
    large.put("Blob", String.join("", java.util.Collections.nCopies(100_000, "ab")));
    assertArrayEquals(Json.GSON.toJson(large).getBytes(StandardCharsets.UTF_8), Json.toUtf8(Json.GSON, large));
    Map<String, Object> small = new LinkedHashMap<>();
    small.put("A", "\u00e9");
    assertArrayEquals(Json.GSON.toJson(small).getBytes(StandardCharsets.UTF_8), Json.toUtf8(Json.GSON, small));
  }

  @Test
  void aValueThatFailsHalfWayLeavesNothingBehindForTheNext() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("Name", "x");
    value.put("List", Arrays.asList(1, 2));
    byte[] expected = Json.GSON.toJson(value).getBytes(StandardCharsets.UTF_8);
    for (int failures = 0; failures < 2; failures++) {
      assertThrows(IllegalStateException.class, () -> Json.toUtf8(Json.GSON, new FailsHalfWay()));
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(expected, Json.toUtf8(Json.GSON, value), "value " + i + " after failure " + failures);
      }
    }
  }

  @Test
  void anotherGsonIsUsedAsItIsConfigured() {
    Gson escaping = new GsonBuilder().serializeNulls().create();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("Html", "<&>");
    value.put("Null", null);
    assertArrayEquals(escaping.toJson(value).getBytes(StandardCharsets.UTF_8), Json.toUtf8(escaping, value));
    assertArrayEquals("{\"Html\":\"<&>\"}".getBytes(StandardCharsets.UTF_8), Json.toUtf8(Json.GSON, value));
  }

  /** Opens an object, names a member, then gives up: what an adapter's bug looks like mid-body. */
  @JsonAdapter(FailsHalfWay.Adapter.class)
  static final class FailsHalfWay {
    static final class Adapter extends TypeAdapter<FailsHalfWay> {
      @Override
      public void write(JsonWriter out, FailsHalfWay value) throws IOException {
        out.beginObject();
        out.name("Half");
        out.beginArray();
        throw new IllegalStateException("gave up half-way");
      }

      @Override
      public FailsHalfWay read(JsonReader in) {
        throw new UnsupportedOperationException();
      }
    }
  }
}
