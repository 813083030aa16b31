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

  /** @return {@code count} names whose hash picks the slot of {@code first}'s, {@code first} the first of them */
  private static String[] namesOfOneSlot(String first, int count) {
    String[] names = new String[count];
    names[0] = first;
    int found = 1;
    for (int i = 0; found < count; i++) {
      String candidate = "n" + i;
      if (NameCache.slotOf(candidate.hashCode()) == NameCache.slotOf(first.hashCode())) {
        names[found++] = candidate;
      }
    }
    return names;
  }

  @Test
  void namesOfOneSlotShareItsRunAndStayCached() {
    String[] names = namesOfOneSlot("Aa", NameCache.PROBES);
    String[] cached = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      cached[i] = name(names[i]);
      assertEquals(names[i], cached[i]);
    }
    for (int round = 0; round < 3; round++) {
      for (int i = names.length - 1; i >= 0; i--) {
        assertSame(cached[i], name(names[i]), names[i]);
      }
    }
    assertEquals(NameCache.PROBES, cache.size());
  }

  @Test
  void oneNameMoreThanTheRunHoldsReplacesItsFirst() {
    String[] names = namesOfOneSlot("Aa", NameCache.PROBES + 1);
    String[] cached = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      cached[i] = name(names[i]);
      assertEquals(names[i], cached[i]);
    }
    // the last took the first's slot; the others stay
    assertSame(cached[names.length - 1], name(names[names.length - 1]));
    for (int i = 1; i < names.length - 1; i++) {
      assertSame(cached[i], name(names[i]), names[i]);
    }
    String again = name(names[0]);
    assertEquals(names[0], again);
    assertNotSame(cached[0], again);
    assertNotSame(cached[names.length - 1], name(names[names.length - 1]));
    assertEquals(NameCache.PROBES, cache.size());
  }

  @Test
  void aRunGoesOnIntoTheNextSlotsAndWrapsAround() {
    // "Aa" and "BB" have the same hash: the second takes the slot after the first
    String aa = name("Aa");
    String bb = name("BB");
    assertEquals("BB", bb);
    String[] next = namesOfOneSlot(slotName((NameCache.slotOf("Aa".hashCode()) + 1) & (NameCache.SLOTS - 1)), 1);
    String nextCached = name(next[0]);
    assertSame(aa, name("Aa"));
    assertSame(bb, name("BB"));
    assertSame(nextCached, name(next[0]));
    // the last slot's run wraps to slot 0
    String[] last = namesOfOneSlot(slotName(NameCache.SLOTS - 1), NameCache.PROBES);
    String[] lastCached = new String[last.length];
    for (int i = 0; i < last.length; i++) {
      lastCached[i] = name(last[i]);
    }
    for (int i = 0; i < last.length; i++) {
      assertSame(lastCached[i], name(last[i]), last[i]);
    }
  }

  /** @return a name whose slot is {@code slot} */
  private static String slotName(int slot) {
    for (int i = 0; ; i++) {
      String candidate = "s" + i;
      if (NameCache.slotOf(candidate.hashCode()) == slot) {
        return candidate;
      }
    }
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

  @Test
  void aNameWithItsHashGivenIsTheOneOfTheSameBytes() {
    for (String name : new String[] {"", "Aa", "BB", "TotalCount"}) {
      byte[] bytes = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
      String cached = cache.name(bytes, 1, bytes.length - 1, name.hashCode());
      assertEquals(name, cached);
      assertSame(cached, name(name));
      assertSame(cached, cache.name(bytes, 1, bytes.length - 1, name.hashCode()));
    }
    StringBuilder tooLong = new StringBuilder();
    for (int i = 0; i <= NameCache.MAX_CACHED_LENGTH; i++) {
      tooLong.append('z');
    }
    byte[] bytes = tooLong.toString().getBytes(StandardCharsets.US_ASCII);
    String first = cache.name(bytes, 0, bytes.length, tooLong.toString().hashCode());
    assertEquals(tooLong.toString(), first);
    assertNotSame(first, cache.name(bytes, 0, bytes.length, tooLong.toString().hashCode()));
    assertEquals(4, cache.size());
  }

  /** A name that takes a free slot is the JVM's one String of its text, the same as a case label's literal. */
  @Test
  void aNameInAFreeSlotIsInternedAReplacingOneIsNot() {
    assertSame("TotalCount", name("TotalCount"));
    assertSame("Response", name("Response"));
    String[] names = namesOfOneSlot("Aa", NameCache.PROBES + 1);
    for (int i = 0; i < NameCache.PROBES; i++) {
      assertSame(names[i].intern(), name(names[i]), names[i]);
    }
    // the one more replaces the first of the run, and is a String of its own
    String replacing = name(new String(names[NameCache.PROBES]));
    assertNotSame(names[NameCache.PROBES].intern(), replacing);
    assertSame(replacing, name(names[NameCache.PROBES]));
  }

  /**
   * The cache of values works as the one of names, slots and runs by the String's hash, but keeps its
   * own Strings: a value is no literal of the code, and interning what an answer holds would only fill
   * the JVM's string table.
   */
  @Test
  void valuesAreCachedByTheirHashButNotInterned() {
    NameCache values = new NameCache(false);
    String[] texts = namesOfOneSlot("Aa", NameCache.PROBES + 1);
    String[] cached = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      byte[] bytes = ("\"" + texts[i] + "\"").getBytes(StandardCharsets.US_ASCII);
      cached[i] = values.ascii(bytes, 1, bytes.length - 1);
      assertEquals(texts[i], cached[i]);
      assertNotSame(texts[i].intern(), cached[i], texts[i]);
    }
    // the one more took the first's slot, the others stay: the slots are those of String.hashCode()
    for (int i = 1; i < texts.length; i++) {
      byte[] bytes = texts[i].getBytes(StandardCharsets.US_ASCII);
      assertSame(cached[i], values.ascii(bytes, 0, bytes.length), texts[i]);
    }
    byte[] first = texts[0].getBytes(StandardCharsets.US_ASCII);
    assertNotSame(cached[0], values.ascii(first, 0, first.length));
    assertEquals(NameCache.PROBES, values.size());
  }

  /** The hash kept per slot only passes over other names: a name of the same hash but not the same length is another. */
  @Test
  void aNameOfTheSameHashButAnotherLengthIsAnother() {
    String aa = name("Aa");
    // 31 * 31 * 2 + 31 * 6 + 4 == "Aa".hashCode()
    byte[] other = {'"', 2, 6, 4, '"'};
    assertEquals("Aa".hashCode(), new String(other, 1, 3, StandardCharsets.US_ASCII).hashCode());
    assertEquals("\u0002\u0006\u0004", cache.name(other, 1, 4, true));
    assertSame(aa, name("Aa"));
  }
}
