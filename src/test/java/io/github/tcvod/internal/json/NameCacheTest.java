package io.github.tcvod.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A fixed number of slots: a name seen before is the same String, a collision only costs a new String. */
class NameCacheTest {
  private final NameCache cache = new NameCache();

  private String name(String name) {
    byte[] bytes = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
    boolean ascii = name.chars().allMatch(c -> c < 0x80);
    return cache.name(bytes, 1, bytes.length - 1, ascii);
  }

  @Test
  void aNameSeenBeforeIsTheSameString() {
    String first = name("ProcessImageAsyncTemplateSet");
    assertEquals("ProcessImageAsyncTemplateSet", first);
    assertSame(first, name("ProcessImageAsyncTemplateSet"));
    assertSame(name(""), name(""));
  }

  @Test
  void theSlotIsTheOneOfTheStringsHash() {
    for (String name : new String[] {"", "a", "Response", "TotalCount", "x1"}) {
      String cached = name(name);
      assertEquals(NameCache.slotOf(name.hashCode()), NameCache.slotOf(cached.hashCode()));
      assertTrue(NameCache.slotOf(name.hashCode()) >= 0 && NameCache.slotOf(name.hashCode()) < NameCache.SLOTS);
    }
    // the upper half of the hash counts too
    assertEquals(1, NameCache.slotOf(0x10000));
    assertEquals(0, NameCache.slotOf(0x10001));
  }

  @Test
  void namesInOneSlotTakeTurnsAndReadRight() {
    String first = "Aa";
    String second = null;
    for (int i = 0; second == null; i++) {
      String candidate = "n" + i;
      if (NameCache.slotOf(candidate.hashCode()) == NameCache.slotOf(first.hashCode())) {
        second = candidate;
      }
    }
    // "Aa" and "BB" have even the same hash
    for (String name : new String[] {first, second, "BB", first, "BB", second}) {
      assertEquals(name, name(name));
    }
    String cached = name(second);
    assertSame(cached, name(second));
    assertEquals(first, name(first));
    assertNotSame(cached, name(second));
  }

  @Test
  void namesOfTheSameLengthAndSlotAreToldApart() {
    // the same length, the same hash: only the bytes differ
    assertEquals("Aa", name("Aa"));
    assertEquals("BB", name("BB"));
    assertEquals("AaBB", name("AaBB"));
    assertEquals("BBAa", name("BBAa"));
    assertEquals("AaAa", name("AaAa"));
  }

  @Test
  void theCacheStaysBounded() {
    for (int i = 0; i < 10_000; i++) {
      assertEquals("name" + i, name("name" + i));
    }
    assertTrue(cache.size() <= NameCache.SLOTS, "size " + cache.size());
    assertTrue(cache.size() > NameCache.SLOTS / 2, "size " + cache.size());
  }

  @Test
  void nonAsciiAndLongNamesAreDecodedEachTimeAndNotCached() {
    String chinese = "\u540d\u5b57\ud83d\ude00";
    String first = name(chinese);
    assertEquals(chinese, first);
    assertNotSame(first, name(chinese));
    StringBuilder longName = new StringBuilder();
    for (int i = 0; i < NameCache.MAX_CACHED_LENGTH; i++) {
      longName.append('x');
    }
    String longest = name(longName.toString());
    assertSame(longest, name(longName.toString()));
    String tooLong = longName.append('y').toString();
    assertEquals(tooLong, name(tooLong));
    assertNotSame(name(tooLong), name(tooLong));
    assertEquals(1, cache.size());
  }
}
