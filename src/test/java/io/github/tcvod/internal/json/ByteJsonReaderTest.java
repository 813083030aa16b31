package io.github.tcvod.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte reader against Gson's own reader: for the same document and the same calls, either the
 * same answers, paths included, or a refusal; never an answer where Gson fails.
 */
class ByteJsonReaderTest {
  private static final Gson GSON = new Gson();

  /** Reads a whole document with random but replayable calls, noting every answer and path. */
  private static List<String> transcript(JsonReader reader, long seed, boolean natural) {
    List<String> out = new ArrayList<>();
    Random random = new Random(seed);
    try {
      value(reader, random, natural, out);
      out.add("end " + reader.peek());
    } catch (Exception e) {
      out.add("threw " + e.getClass().getName() + ": " + e.getMessage());
    }
    return out;
  }

  private static void value(JsonReader reader, Random random, boolean natural, List<String> out) throws IOException {
    JsonToken token = reader.peek();
    out.add(token + " at " + reader.getPath());
    if (token != JsonToken.END_DOCUMENT && random.nextInt(10) == 0) {
      reader.skipValue();
      out.add("skipped, at " + reader.getPath() + " after " + reader.getPreviousPath());
      return;
    }
    switch (token) {
      case BEGIN_ARRAY:
        reader.beginArray();
        while (reader.hasNext()) {
          value(reader, random, natural, out);
        }
        reader.endArray();
        break;
      case BEGIN_OBJECT:
        reader.beginObject();
        while (reader.hasNext()) {
          out.add("name " + reader.nextName() + " at " + reader.getPath());
          value(reader, random, natural, out);
        }
        reader.endObject();
        break;
      case STRING:
        out.add(natural || random.nextInt(4) > 0 ? "string " + reader.nextString() : number(reader, random));
        break;
      case NUMBER:
        out.add(natural ? "double " + Double.doubleToRawLongBits(reader.nextDouble()) : number(reader, random));
        break;
      case BOOLEAN:
        out.add("boolean " + reader.nextBoolean());
        break;
      case NULL:
        reader.nextNull();
        out.add("null");
        break;
      default:
        out.add("unexpected " + token);
        reader.skipValue();
    }
    out.add("at " + reader.getPath() + " after " + reader.getPreviousPath());
  }

  private static String number(JsonReader reader, Random random) throws IOException {
    switch (random.nextInt(4)) {
      case 0:
        return "long " + reader.nextLong();
      case 1:
        return "int " + reader.nextInt();
      case 2:
        return "double " + Double.doubleToRawLongBits(reader.nextDouble());
      default:
        return "text " + reader.nextString();
    }
  }

  private static List<String> gson(byte[] document, long seed, boolean natural) {
    return transcript(new JsonReader(new StringReader(new String(document, StandardCharsets.UTF_8))), seed, natural);
  }

  /** @return the byte reader's transcript, or null when it refused */
  private static List<String> bytes(byte[] document, long seed, boolean natural) {
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    try {
      List<String> transcript = transcript(reader, seed, natural);
      if (reader.refused()) {
        assertTrue(transcript.get(transcript.size() - 1).startsWith("threw " + ByteJsonReader.Unsupported.class.getName()),
            "a refusal is the only failure: " + transcript);
        return null;
      }
      return transcript;
    } finally {
      reader.close();
    }
  }

  /** What the byte reader answers is what Gson answers; a refusal is always allowed. */
  private static boolean agrees(byte[] document, long seed, boolean natural) {
    List<String> expected = gson(document, seed, natural);
    List<String> actual = bytes(document, seed, natural);
    if (actual != null) {
      assertEquals(expected, actual, () -> new String(document, StandardCharsets.UTF_8));
      assertFalse(expected.get(expected.size() - 1).startsWith("threw"), "Gson failed where the byte reader read");
    }
    return actual != null;
  }

  @Test
  void plainDocumentsReadAsGsonReadsThemAndNoneIsRefused() {
    Random random = new Random(14);
    for (int i = 0; i < 3000; i++) {
      byte[] document = JsonDocuments.document(random, true).getBytes(StandardCharsets.UTF_8);
      assertTrue(agrees(document, i, true), () -> "refused: " + new String(document, StandardCharsets.UTF_8));
    }
  }

  @Test
  void anyCallsOnAnyDocumentAgreeWithGsonOrAreRefused() {
    Random random = new Random(1414);
    int read = 0;
    for (int i = 0; i < 4000; i++) {
      byte[] document = JsonDocuments.document(random, false).getBytes(StandardCharsets.UTF_8);
      read += agrees(document, i, false) ? 1 : 0;
    }
    assertTrue(read > 1000, "read " + read);
  }

  @Test
  void brokenDocumentsAreRefusedWheneverGsonFails() {
    Random random = new Random(4141);
    int gsonFailed = 0;
    for (int i = 0; i < 6000; i++) {
      byte[] document = JsonDocuments.broken(random, JsonDocuments.document(random, true));
      for (boolean natural : new boolean[] {true, false}) {
        List<String> expected = gson(document, i, natural);
        if (expected.get(expected.size() - 1).startsWith("threw")) {
          gsonFailed++;
        }
        agrees(document, i, natural);
      }
    }
    assertTrue(gsonFailed > 3000, "broken " + gsonFailed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "}", "{\"a\":1", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1}{}", "{'a':1}",
      "{a:1}", "{\"a\":'x'}", "{\"a\":1;\"b\":2}", "{\"a\"=1}", "{\"a\"=>1}", "{\"a\":01}", "{\"a\":-01}",
      "{\"a\":NaN}", "{\"a\":-Infinity}", "{\"a\":.5}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":+1}",
      "{\"a\":0x1F}", "{\"a\":TRUE}", "{\"a\":nul}", "{\"a\":truex}", "{\"a\":true/}", "{\"a\":1#}",
      "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\u0001\"}", "{\"a\":\"\n\"}",
      "// c\n{\"a\":1}", "/* c */{\"a\":1}", "# c\n{\"a\":1}", "\ufeff{\"a\":1}", ")]}'\n{\"a\":1}", "{\"a\":[1,]}",
      "{\"a\":[,1]}", "{\"a\":[1 2]}", "{\"a\":1,}", "{,}", "{\"a\":1\f}", "{\"a\":\"x}", "{\"\\u0041\":1}",
      "{\"a\":-0}", "{\"a\":-}", "{\"a\":[]]}", "{\"a\":{}}}", "[1]", "1", "\"x\"",
      "{\"a\u0001\":1}", "{\"\u001f\":1}", "{\"ab\n\":1}", "{\"a", "{\"ab", "{\"ab\\", "{\"ab\\n\":1}", "{\"a\\u0041\":1}",
      "{\"a\u00e9", "{\"a\":1,\"b"})
  void whatIsNotPlainlyWellFormedIsRefused(String text) {
    byte[] document = text.getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    try {
      // what an answer's reader does: an object of members, read to the end of the document
      reader.beginObject();
      while (reader.hasNext()) {
        reader.nextName();
        JsonElement value = GSON.getAdapter(JsonElement.class).read(reader);
        assertTrue(value != null);
      }
      reader.endObject();
      assertEquals(JsonToken.END_DOCUMENT, reader.peek());
      fail("read " + text);
    } catch (IOException e) {
      assertTrue(e instanceof ByteJsonReader.Unsupported, e::toString);
    } finally {
      reader.close();
    }
    assertTrue(reader.refused(), text);
  }

  @Test
  void aRefusalSticksEvenWhenTheCallerGoesOn() throws IOException {
    byte[] document = "{\"a\":1.5,\"b\":2}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginObject();
    reader.nextName();
    assertThrows(ByteJsonReader.Unsupported.class, reader::nextLong);
    assertThrows(ByteJsonReader.Unsupported.class, reader::peek);
    assertThrows(ByteJsonReader.Unsupported.class, reader::hasNext);
    assertThrows(ByteJsonReader.Unsupported.class, reader::nextDouble);
    assertTrue(reader.refused());
    reader.close();
  }

  /** Gson's strict reader refuses a double beyond the range as an infinity; its text reads. */
  @Test
  void aDoubleBeyondTheRangeIsRefusedButItsTextReads() throws IOException {
    byte[] document = "[1e400,1e400]".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginArray();
    assertEquals("1e400", reader.nextString());
    assertThrows(ByteJsonReader.Unsupported.class, reader::nextDouble);
    reader.close();
  }

  /** Gson's map adapter reaches into JsonReader's private state: refused, and the caller reads the document with Gson. */
  @Test
  void gsonsMapAdapterIsRefused() throws IOException {
    byte[] document = "{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8);
    TypeAdapter<Map<String, Long>> maps = GSON.getAdapter(new TypeToken<Map<String, Long>>() {});
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    assertThrows(ByteJsonReader.Unsupported.class, () -> maps.read(reader));
    assertTrue(reader.refused());
    reader.close();
    // the same thread's reader is sound for the next document
    ByteJsonReader next = ByteJsonReader.open(document, 0, document.length);
    assertSame(reader, next);
    assertEquals(GSON.fromJson("{\"a\":1,\"b\":2}", JsonElement.class), GSON.getAdapter(JsonElement.class).read(next));
    assertFalse(next.refused());
    next.close();
  }

  @Test
  void numbersAtTheEdgesReadAsGsonReadsThem() throws IOException {
    for (String number : JsonDocuments.PLAIN_NUMBERS) {
      for (int method = 0; method < 4; method++) {
        byte[] document = ("[" + number + "]").getBytes(StandardCharsets.UTF_8);
        JsonReader gson = new JsonReader(new StringReader("[" + number + "]"));
        gson.beginArray();
        ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
        reader.beginArray();
        Object expected;
        try {
          expected = read(gson, method);
        } catch (NumberFormatException | IOException e) {
          expected = e.getClass();
        }
        Object actual;
        try {
          actual = read(reader, method);
        } catch (ByteJsonReader.Unsupported e) {
          actual = null;
        }
        if (actual != null) {
          assertEquals(expected, actual, number + " method " + method);
        } else {
          // refused: what Gson fails on, a long or int from anything but an integer of their range
          assertTrue(expected instanceof Class || method < 2, number + " method " + method);
        }
        reader.close();
      }
    }
  }

  /**
   * Gson accumulates an integer's digits in a long that wraps past its range, and takes a digit that
   * follows a value of 0 for a leading zero: digits that wrap it to exactly 0 (a multiple of 2^64)
   * and go on make the number lenient-only, which strict Gson refuses.
   */
  @Test
  void anIntegerWhoseDigitsWrapGsonsLongToZeroIsLeftToGson() throws IOException {
    for (String number : new String[] {"184467440737095516160", "-184467440737095516161", "368934881474191032321.5",
        "184467440737095516160e2"}) {
      JsonReader gson = new JsonReader(new StringReader("[" + number + "]"));
      gson.beginArray();
      assertThrows(IOException.class, gson::peek, number);
      byte[] document = ("[" + number + "]").getBytes(StandardCharsets.UTF_8);
      ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
      try {
        reader.beginArray();
        assertThrows(ByteJsonReader.Unsupported.class, reader::peek, number);
      } finally {
        reader.close();
      }
    }
    // 2^64 itself, with nothing after the wrap, is a number to both
    byte[] document = "[18446744073709551616]".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginArray();
    assertEquals("18446744073709551616", reader.nextString());
    reader.close();
  }

  private static Object read(JsonReader reader, int method) throws IOException {
    switch (method) {
      case 0:
        return reader.nextLong();
      case 1:
        return reader.nextInt();
      case 2:
        return Double.doubleToRawLongBits(reader.nextDouble());
      default:
        return reader.nextString();
    }
  }

  @Test
  void longAndIntEdgesAreReadWithoutRefusal() throws IOException {
    byte[] document = "[9223372036854775807,-9223372036854775808,2147483647,-2147483648,59.990001678467,-0.0]"
        .getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginArray();
    assertEquals(Long.MAX_VALUE, reader.nextLong());
    assertEquals(Long.MIN_VALUE, reader.nextLong());
    assertEquals(Integer.MAX_VALUE, reader.nextInt());
    assertEquals(Integer.MIN_VALUE, reader.nextInt());
    assertEquals(59.990001678467, reader.nextDouble());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(reader.nextDouble()));
    reader.endArray();
    assertEquals(JsonToken.END_DOCUMENT, reader.peek());
    assertFalse(reader.refused());
    reader.close();
  }

  @Test
  void readsOnlyTheGivenRange() throws IOException {
    byte[] bytes = "xx[1,\"a\"]yy".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(bytes, 2, 7);
    reader.beginArray();
    assertEquals(1, reader.nextInt());
    assertEquals("a", reader.nextString());
    reader.endArray();
    assertEquals(JsonToken.END_DOCUMENT, reader.peek());
    reader.close();
    assertThrows(IndexOutOfBoundsException.class, () -> ByteJsonReader.open(bytes, 5, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> ByteJsonReader.open(bytes, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> ByteJsonReader.open(bytes, 0, -1));
  }

  @Test
  void oneReaderPerThreadAndAFreshOneWhileItIsOpen() throws Exception {
    byte[] document = "{\"a\":[1]}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader first = ByteJsonReader.open(document, 0, document.length);
    first.beginObject();
    // a nested read on the same thread, e.g. an adapter parsing JSON of its own
    byte[] inner = "[true]".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader nested = ByteJsonReader.open(inner, 0, inner.length);
    assertNotSame(first, nested);
    nested.beginArray();
    assertTrue(nested.nextBoolean());
    nested.close();
    // the outer read goes on undisturbed
    assertEquals("a", first.nextName());
    first.beginArray();
    assertEquals(1L, first.nextLong());
    first.endArray();
    first.endObject();
    first.close();
    assertSame(first, ByteJsonReader.open(document, 0, document.length));
    first.close();

    ByteJsonReader[] other = new ByteJsonReader[1];
    Thread thread = new Thread(() -> {
      other[0] = ByteJsonReader.open(document, 0, document.length);
      other[0].close();
    });
    thread.start();
    thread.join();
    assertNotSame(first, other[0]);
  }

  @Test
  void aClosedReaderKeepsNeitherTheDocumentNorALargeBuffer() throws IOException {
    StringBuilder large = new StringBuilder("[\"");
    for (int i = 0; i < 100_000; i++) {
      large.append("\\n");
    }
    byte[] document = large.append("\"]").toString().getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginArray();
    assertEquals(100_000, reader.nextString().length());
    assertSame(document, reader.document());
    assertTrue(reader.scratchCapacity() >= 100_000);
    reader.close();
    assertNull(reader.document());
    assertEquals(0, reader.scratchCapacity());

    byte[] small = "[\"a\\nb\"]".getBytes(StandardCharsets.UTF_8);
    reader = ByteJsonReader.open(small, 0, small.length);
    reader.beginArray();
    assertEquals("a\nb", reader.nextString());
    reader.close();
    assertTrue(reader.scratchCapacity() > 0 && reader.scratchCapacity() <= ByteJsonReader.KEPT_SCRATCH_CHARS);
    // a closed reader reads nothing
    assertThrows(ByteJsonReader.Unsupported.class, reader::peek);
  }

  @Test
  void aKnownNameIsTheSameStringEveryTime() throws IOException {
    byte[] document = "[{\"TotalCount\":1},{\"TotalCount\":2}]".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginArray();
    reader.beginObject();
    String first = reader.nextName();
    reader.skipValue();
    reader.endObject();
    reader.beginObject();
    assertSame(first, reader.nextName());
    reader.close();
  }

  /**
   * A short plain value (a switch, an enum value) is the same String in every answer; a longer one,
   * such as a key or a token, and one with escapes or non-ASCII characters, is made anew each time,
   * so a thread's reader keeps nothing of them.
   */
  @Test
  void onlyShortPlainValuesAreKept() throws IOException {
    String limit = "sixteen-chars-xx";
    String[] kept = {"", "ON", "weak", limit};
    String[] fresh = {limit + "y", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "caf\\u00e9", "caf\u00e9", "a\\nb"};
    for (String value : kept) {
      String[] read = readTwice(value);
      assertEquals(value, read[0]);
      assertSame(read[0], read[1], value);
    }
    for (String value : fresh) {
      String[] read = readTwice(value);
      assertEquals(read[0], read[1]);
      assertEquals(GSON.fromJson("\"" + value + "\"", String.class), read[0]);
      assertNotSame(read[0], read[1], value);
    }
  }

  /** @return the value read from two answers, one after the other, by this thread's reader */
  private static String[] readTwice(String value) throws IOException {
    String[] read = new String[2];
    for (int i = 0; i < 2; i++) {
      byte[] document = ("[\"" + value + "\"]").getBytes(StandardCharsets.UTF_8);
      ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
      reader.beginArray();
      read[i] = reader.nextString();
      reader.endArray();
      assertFalse(reader.refused());
      reader.close();
    }
    return read;
  }

  /** Names of plain ASCII are hashed as they are scanned; any other name is scanned, and cached or not, as before. */
  @Test
  void namesOfEveryKindReadRight() throws IOException {
    String[] names = {"", "a", "TotalCount", "caf\u00e9", "\u00e9t\u00e9", "\u540d\ud83d\ude00", "x\u007fy", " ~!#$%&'()*+,-./",
        "Aa", "BB", "sixty-four-characters-long-name-that-is-right-at-the-limit-xxxxx",
        "sixty-five-characters-long-name-that-is-one-past-the-limit-xxxxxx"};
    StringBuilder json = new StringBuilder("[");
    for (int round = 0; round < 2; round++) {
      for (String name : names) {
        json.append(json.length() == 1 ? "" : ",").append("{\"").append(name).append("\":1}");
      }
    }
    byte[] document = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginArray();
    String[] first = new String[names.length];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < names.length; i++) {
        reader.beginObject();
        String name = reader.nextName();
        assertEquals(names[i], name);
        if (round == 0) {
          first[i] = name;
        } else if (names[i].chars().allMatch(c -> c < 0x80) && names[i].length() <= NameCache.MAX_CACHED_LENGTH) {
          assertSame(first[i], name, names[i]);
        } else {
          assertNotSame(first[i], name, names[i]);
        }
        assertEquals(1, reader.nextInt());
        reader.endObject();
      }
    }
    reader.endArray();
    assertEquals(JsonToken.END_DOCUMENT, reader.peek());
    assertFalse(reader.refused());
    reader.close();
  }

  @Test
  void theWatchedNameIsNotedOnlyAtItsNesting() throws IOException {
    for (String text : new String[] {"{\"Error\":{\"Error\":1}}", "{\"R\":{\"Error\":1}}", "{\"R\":[{\"Error\":1}]}"}) {
      byte[] document = text.getBytes(StandardCharsets.UTF_8);
      ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
      reader.watchName("Error", 2);
      GSON.getAdapter(JsonElement.class).read(reader);
      assertEquals(!text.contains("["), reader.watchedNameSeen(), text);
      reader.close();
    }
  }

  @Test
  void deepNestingIsLeftToGson() throws IOException {
    char[] open = new char[ByteJsonReader.MAX_DEPTH];
    char[] close = new char[ByteJsonReader.MAX_DEPTH];
    Arrays.fill(open, '[');
    Arrays.fill(close, ']');
    byte[] document = (new String(open) + new String(close)).getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    GSON.getAdapter(JsonElement.class).read(reader);
    assertEquals(JsonToken.END_DOCUMENT, reader.peek());
    reader.close();
    byte[] deeper = ("[" + new String(open) + new String(close) + "]").getBytes(StandardCharsets.UTF_8);
    ByteJsonReader again = ByteJsonReader.open(deeper, 0, deeper.length);
    assertThrows(ByteJsonReader.Unsupported.class, () -> GSON.getAdapter(JsonElement.class).read(again));
    again.close();
    ByteJsonReader skipping = ByteJsonReader.open(deeper, 0, deeper.length);
    assertThrows(ByteJsonReader.Unsupported.class, skipping::skipValue);
    skipping.close();
  }

  @Test
  void toStringSaysWhere() throws IOException {
    byte[] document = "{\"a\":[1]}".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = ByteJsonReader.open(document, 0, document.length);
    reader.beginObject();
    reader.nextName();
    reader.beginArray();
    assertEquals("ByteJsonReader at byte 6 path $.a[0]", reader.toString());
    reader.close();
  }

  private static ByteJsonReader open(byte[] document) {
    return ByteJsonReader.open(document, 0, document.length);
  }

  private static byte[] utf8String(int... bytes) {
    byte[] document = new byte[bytes.length + 4];
    document[0] = '[';
    document[1] = '"';
    for (int i = 0; i < bytes.length; i++) {
      document[i + 2] = (byte) bytes[i];
    }
    document[bytes.length + 2] = '"';
    document[bytes.length + 3] = ']';
    return document;
  }

  private static String readString(byte[] document) throws IOException {
    ByteJsonReader reader = open(document);
    try {
      reader.beginArray();
      return reader.nextString();
    } finally {
      reader.close();
    }
  }

  /** The edges of well-formed UTF-8: the shortest forms only, no surrogates, nothing past U+10FFFF. */
  @Test
  void utf8AtItsEdges() throws IOException {
    int[][] wellFormed = {{0xc2, 0x80}, {0xdf, 0xbf}, {0xe0, 0xa0, 0x80}, {0xed, 0x9f, 0xbf}, {0xee, 0x80, 0x80},
        {0xef, 0xbf, 0xbf}, {0xf0, 0x90, 0x80, 0x80}, {0xf4, 0x8f, 0xbf, 0xbf}};
    for (int[] bytes : wellFormed) {
      byte[] document = utf8String(bytes);
      String expected = new String(document, 2, bytes.length, StandardCharsets.UTF_8);
      assertEquals(expected, readString(document));
      // and with an escape beside it, decoded by hand
      byte[] escaped = new byte[document.length + 2];
      System.arraycopy(document, 0, escaped, 0, document.length - 2);
      escaped[document.length - 2] = '\\';
      escaped[document.length - 1] = 'n';
      escaped[document.length] = '"';
      escaped[document.length + 1] = ']';
      assertEquals(expected + "\n", readString(escaped));
    }
    int[][] malformed = {{0xc1, 0xbf}, {0xc0, 0x80}, {0xe0, 0x9f, 0xbf}, {0xed, 0xa0, 0x80}, {0xed, 0xbf, 0xbf},
        {0xf0, 0x8f, 0xbf, 0xbf}, {0xf4, 0x90, 0x80, 0x80}, {0xf8, 0x88, 0x80, 0x80}, {0x80}, {0xc2, 0x41},
        {0xe4, 0xb8}, {0xf0, 0x9f, 0x98}};
    for (int[] bytes : malformed) {
      assertThrows(ByteJsonReader.Unsupported.class, () -> readString(utf8String(bytes)), Arrays.toString(bytes));
    }
  }

  @Test
  void unicodeEscapesTakeEveryHexDigitAndNothingElse() throws IOException {
    assertEquals("\u09af\uAF0F\u1234\ubcde", readString("[\"\\u09af\\uAF0F\\u1234\\ubcde\"]".getBytes(StandardCharsets.UTF_8)));
    assertEquals("\u0009\u00a0\u00ff\uFFFF", readString("[\"\\u0009\\u00A0\\u00fF\\uffff\"]".getBytes(StandardCharsets.UTF_8)));
    for (String bad : new String[] {"/", ":", "`", "g", "@", "G"}) {
      assertThrows(ByteJsonReader.Unsupported.class,
          () -> readString(("[\"\\u00" + bad + "0\"]").getBytes(StandardCharsets.UTF_8)), bad);
    }
    // an escape cut short by the end of the document
    assertThrows(ByteJsonReader.Unsupported.class, () -> readString("[\"\\u004".getBytes(StandardCharsets.UTF_8)));
    assertThrows(ByteJsonReader.Unsupported.class, () -> readString("[\"\\".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void peekNamesEveryToken() throws IOException {
    ByteJsonReader reader = open("{\"a\":[]}".getBytes(StandardCharsets.UTF_8));
    assertEquals(JsonToken.BEGIN_OBJECT, reader.peek());
    reader.beginObject();
    assertEquals(JsonToken.NAME, reader.peek());
    reader.nextName();
    assertEquals(JsonToken.BEGIN_ARRAY, reader.peek());
    reader.beginArray();
    assertEquals("$.a[0]", reader.getPreviousPath());
    assertEquals(JsonToken.END_ARRAY, reader.peek());
    reader.endArray();
    assertEquals(JsonToken.END_OBJECT, reader.peek());
    reader.endObject();
    assertEquals(JsonToken.END_DOCUMENT, reader.peek());
    // Gson versions disagree on hasNext at the end: left to Gson
    assertThrows(ByteJsonReader.Unsupported.class, reader::hasNext);
    reader.close();
  }

  @Test
  void aRefusalCarriesNoStackTrace() throws IOException {
    ByteJsonReader reader = open("x".getBytes(StandardCharsets.UTF_8));
    ByteJsonReader.Unsupported refusal = assertThrows(ByteJsonReader.Unsupported.class, reader::peek);
    assertEquals(0, refusal.getStackTrace().length);
    reader.close();
  }
}
