package io.github.tcvod.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random JSON documents for the differential tests of {@link ByteJsonReader}: nesting, unicode,
 * escapes, numbers at the int and long edges and beyond, floats, empty objects and arrays, nulls,
 * whitespace; and broken variants of them.
 */
public final class JsonDocuments {
  /** Numbers the byte reader reads itself (nothing lenient, no "-0"). */
  public static final String[] PLAIN_NUMBERS = {"0", "1", "-1", "7", "100", "2147483647", "-2147483648", "2147483648",
      "-2147483649", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
      "12345678901234567890123", "59.990001678467", "0.1", "-0.0", "0.0", "1.5", "-2.25", "3.14159265358979",
      "0.000001", "123456789.123456", "1234567890.12345678", "1e5", "1E-7", "-1.5e+10", "2.5E3", "4.9e-324",
      "1.7976931348623157e308", "9007199254740993", "0.30000000000000004", "100.0", "1.0"};
  /** Strings, as JSON text with their quotes. */
  public static final String[] STRINGS = {"\"\"", "\"a\"", "\"testcomment\"", "\"2026-01-20T03:02:33Z\"",
      "\"\u4e2d\u6587\"", "\"\ud83d\ude00 smile\"", "\"caf\u00e9\"", "\"tab\\tnew\\nline\"", "\"quote \\\" slash \\\\ \\/\"",
      "\"\\u00e9\\u4e2d\\ud83d\\ude00\"", "\"lone \\ud800 surrogate\"", "\"\\b\\f\\r\"", "\"Error\"", "\"Response\"",
      "\"\u00ff\u0100\u07ff\u0800\uffff\"", "\"mixed \u4e2d \\u0041 end\""};
  /** Names the byte reader reads itself. */
  public static final String[] PLAIN_NAMES = {"Response", "RequestId", "TotalCount", "Name", "Comment", "a", "",
      "ProcessImageAsyncTemplateSet", "Definition", "\u540d\u5b57", "caf\u00e9", "x1", "Error", "Width", "Height"};
  private static final String[] WHITESPACE = {"", "", "", " ", "\n", "\r\n  ", "\t"};

  private JsonDocuments() {
  }

  /**
   * @param random the source of choices
   * @param depth how much deeper objects and arrays may nest
   * @param plain only what the byte reader reads itself (no escaped names, no "-0")
   * @return a JSON value
   */
  public static String value(Random random, int depth, boolean plain) {
    int kind = random.nextInt(depth > 0 ? 8 : 5);
    switch (kind) {
      case 0:
        return number(random, plain);
      case 1:
        return STRINGS[random.nextInt(STRINGS.length)];
      case 2:
        return new String[] {"true", "false", "null"}[random.nextInt(3)];
      case 3:
        return number(random, plain);
      case 4:
        return STRINGS[random.nextInt(STRINGS.length)];
      case 5:
      case 6: {
        StringBuilder object = new StringBuilder("{").append(space(random));
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
          if (i > 0) {
            object.append(',').append(space(random));
          }
          object.append(name(random, plain)).append(space(random)).append(':').append(space(random))
              .append(value(random, depth - 1, plain)).append(space(random));
        }
        return object.append('}').toString();
      }
      default: {
        StringBuilder array = new StringBuilder("[").append(space(random));
        int items = random.nextInt(5);
        for (int i = 0; i < items; i++) {
          if (i > 0) {
            array.append(',').append(space(random));
          }
          array.append(value(random, depth - 1, plain)).append(space(random));
        }
        return array.append(']').toString();
      }
    }
  }

  /**
   * @param random the source of choices
   * @param plain only what the byte reader reads itself
   * @return an object with a few members, the way answers come
   */
  public static String document(Random random, boolean plain) {
    StringBuilder object = new StringBuilder(space(random)).append('{');
    int members = 1 + random.nextInt(4);
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        object.append(',');
      }
      object.append(space(random)).append(name(random, plain)).append(':').append(value(random, 4, plain));
    }
    return object.append(space(random)).append('}').append(space(random)).toString();
  }

  static String number(Random random, boolean plain) {
    if (!plain && random.nextInt(10) == 0) {
      return "-0";
    }
    if (random.nextInt(3) == 0) {
      return Long.toString(random.nextLong() >> random.nextInt(64));
    }
    if (random.nextInt(4) == 0) {
      double d = random.nextDouble() * Math.pow(10, random.nextInt(20) - 10);
      return Double.toString(random.nextBoolean() ? d : -d);
    }
    return PLAIN_NUMBERS[random.nextInt(PLAIN_NUMBERS.length)];
  }

  static String name(Random random, boolean plain) {
    if (!plain && random.nextInt(6) == 0) {
      return "\"\\u0045rror\"";
    }
    return "\"" + PLAIN_NAMES[random.nextInt(PLAIN_NAMES.length)] + "\"";
  }

  static String space(Random random) {
    return WHITESPACE[random.nextInt(WHITESPACE.length)];
  }

  /** What breaks a document, inserted or appended: lenient-only syntax, bad escapes, bad bytes. */
  private static final String[] BREAKERS = {"'", "/", "//c\n", "/*c*/", "#", ";", "=", "\ufeff", "NaN", "Infinity",
      "-Infinity", "01", "-", ".5", "1.", "1e", "+1", "0x10", ",", ",,", "]", "}", "[", "{", ":", "\"", "\\", "\\x",
      "\\u12", "\\u12G4", "\u0001", "\u001f", "TRUE", "Null", "nul", "tru", "x", "\f", "\u00a0", "a:1", "'a'",
      "{\"a\" 1}", "[1 2]", "{\"a\":1,}", "[1,]", "{,}", "[,1]", "\"\n\"", "1 2"};

  /**
   * @param random the source of choices
   * @param document a well-formed document
   * @return the document broken one way or another (sometimes, by chance, still well-formed)
   */
  public static byte[] broken(Random random, String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    int at = random.nextInt(bytes.length + 1);
    switch (random.nextInt(6)) {
      case 0:
        return java.util.Arrays.copyOf(bytes, at);
      case 1:
        return concat(bytes, BREAKERS[random.nextInt(BREAKERS.length)].getBytes(StandardCharsets.UTF_8), bytes.length);
      case 2: {
        byte[] bad = {(byte) 0xc3, (byte) 0xff, (byte) 0xe4, (byte) 0xb8, (byte) 0x80, (byte) 0xed, (byte) 0xa0,
            (byte) 0xc0, (byte) 0xf5};
        int from = random.nextInt(bad.length);
        return concat(bytes, java.util.Arrays.copyOfRange(bad, from, Math.min(bad.length, from + 1 + random.nextInt(3))), at);
      }
      case 3: {
        byte[] copy = bytes.clone();
        if (copy.length > 0) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(128);
        }
        return copy;
      }
      default:
        return concat(bytes, BREAKERS[random.nextInt(BREAKERS.length)].getBytes(StandardCharsets.UTF_8), at);
    }
  }

  private static byte[] concat(byte[] bytes, byte[] inserted, int at) {
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }
}
