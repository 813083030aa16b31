package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
