package io.github.tcvod.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lookups every generated enum delegates to, with an enum shaped as the templates make them. */
class EnumValuesTest {
  enum Format {
    JPEG("JPEG"),
    WEB_P("WebP"),
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    Format(String value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return value == null ? name() : value;
    }
  }

  @Test
  void fromValueIsExactAndCaseSensitiveAndKeepsUnknownValuesApart() {
    assertSame(Format.WEB_P, lookUp("WebP"));
    assertSame(Format.UNKNOWN_TO_SDK_VERSION, lookUp("webp"));
    assertSame(Format.UNKNOWN_TO_SDK_VERSION, lookUp("WEB_P"));
    assertSame(Format.UNKNOWN_TO_SDK_VERSION, lookUp("AVIF"));
    assertNull(lookUp(null));
  }

  @Test
  void toWireGivesTheApisSpellingAndRefusesTheUnknownConstant() {
    assertEquals("WebP", EnumValues.toWire("Config.Format", Format.WEB_P));
    assertNull(EnumValues.toWire("Config.Format", null));
    assertEquals("Config.Format: UNKNOWN_TO_SDK_VERSION cannot be sent; pass the raw value as a String",
        assertThrows(IllegalArgumentException.class,
            () -> EnumValues.toWire("Config.Format", Format.UNKNOWN_TO_SDK_VERSION)).getMessage());
  }

  @Test
  void toWireListConvertsEachConstant() {
    assertEquals(Arrays.asList("JPEG", null, "WebP"),
        EnumValues.toWireList("Config.Formats", Arrays.asList(Format.JPEG, null, Format.WEB_P)));
    assertNull(EnumValues.toWireList("Config.Formats", null));
    assertThrows(IllegalArgumentException.class,
        () -> EnumValues.toWireList("Config.Formats", Arrays.asList(Format.JPEG, Format.UNKNOWN_TO_SDK_VERSION)));
  }

  private static Format lookUp(String value) {
    return EnumValues.fromValue(value, Format.values(), Format.UNKNOWN_TO_SDK_VERSION);
  }
}
