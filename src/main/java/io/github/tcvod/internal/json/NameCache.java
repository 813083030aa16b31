package io.github.tcvod.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * The member names a thread reads, kept as Strings so that a name seen before costs no allocation
 * (the generated adapters switch on {@code nextName()}, which needs a String). A fixed number of
 * slots: a name goes to the first free one of the {@link #PROBES} slots from the one its hash picks
 * (one slot per name was not enough: the 29 names of a DescribeProcessImageAsyncTemplates answer
 * fell on 25 slots, and the names sharing one took turns, a new String per call each). When all of
 * them are taken, the name replaces the first, so the cache never grows and a miss only costs the
 * String a plain read would have made. Not thread-safe: each reader has its own.
 *
 * <p>A name that takes a free slot is interned: the generated adapters' {@code switch} compares it
 * with the literal of a case label, and {@code String.equals} of the very same String is an identity
 * check instead of a comparison of bytes. Only then, at most {@link #SLOTS} times per cache: a name
 * that replaces another is not, so a document of ever new names can neither cost an intern per name
 * nor fill the JVM's string table.
 */
final class NameCache {
  /** A power of two; a response type of the API uses a few dozen names. */
  static final int SLOTS = 256;
  /** The slots a name may take, from the one of its hash on; a lookup looks no further. */
  static final int PROBES = 4;
  /** Longer names are decoded each time: they are rare, and comparing them costs as much as copying. */
  static final int MAX_CACHED_LENGTH = 64;

  private final boolean intern;
  private final String[] names = new String[SLOTS];
  /** The hash of each slot's name, so that a slot of another name is passed over without comparing bytes. */
  private final int[] hashes = new int[SLOTS];

  /**
   * @param bytes the document
   * @param start the first byte of the name, after its quote
   * @param end the byte after the name, its closing quote
   * @param ascii whether every byte of the name is ASCII (then a byte is a char)
   * @return the name, the same String as last time when the cache still holds it
   */
  String name(byte[] bytes, int start, int end, boolean ascii) {
    int length = end - start;
    if (!ascii || length > MAX_CACHED_LENGTH) {
      return new String(bytes, start, length, StandardCharsets.UTF_8);
    }
    return ascii(bytes, start, end);
  }

  /**
   * @param bytes the document
   * @param start the first byte of the name, after its quote
   * @param end the byte after the name, its closing quote
   * @param hash the name's {@link String#hashCode()}, worked out by a caller that scanned its
   *     bytes anyway; every byte of the name is ASCII
   * @return the name, the same String as last time when the cache still holds it
   */
  String name(byte[] bytes, int start, int end, int hash) {
    int length = end - start;
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, start, length, StandardCharsets.US_ASCII);
    }
    return cached(bytes, start, length, hash);
  }

  /** A cache of member names, interned as said above. */
  NameCache() {
    this(true);
  }

  /** @param intern whether a String that takes a free slot is interned (names); values are not */
  NameCache(boolean intern) {
    this.intern = intern;
  }

  /**
   * @param bytes the document
   * @param start the first byte of the text
   * @param end the byte after it
   * @return the text of plain ASCII bytes, the same String as last time when the cache still holds it
   */
  String ascii(byte[] bytes, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + bytes[i];
    }
    return cached(bytes, start, end - start, hash);
  }

  private String cached(byte[] bytes, int start, int length, int hash) {
    int first = slotOf(hash);
    int slot = first;
    for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & (SLOTS - 1)) {
      String cached = names[slot];
      if (cached == null) {
        // Slots are taken in probe order and never emptied: the name is not further on.
        String text = new String(bytes, start, length, StandardCharsets.US_ASCII);
        return store(slot, hash, intern ? text.intern() : text);
      }
      if (hashes[slot] == hash && sameAscii(cached, bytes, start, length)) {
        return cached;
      }
    }
    return store(first, hash, new String(bytes, start, length, StandardCharsets.US_ASCII));
  }

  private String store(int slot, int hash, String name) {
    names[slot] = name;
    hashes[slot] = hash;
    return name;
  }

  /** @return the slot of a name whose {@link String#hashCode()} is {@code hash} (for ASCII, the hash of its bytes) */
  static int slotOf(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }

  private static boolean sameAscii(String name, byte[] bytes, int start, int length) {
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (name.charAt(i) != bytes[start + i]) {
        return false;
      }
    }
    return true;
  }

  /** @return how many slots hold a name (for tests: the cache stays bounded) */
  int size() {
    int size = 0;
    for (String name : names) {
      if (name != null) {
        size++;
      }
    }
    return size;
  }
}
