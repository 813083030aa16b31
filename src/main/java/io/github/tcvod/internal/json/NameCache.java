package io.github.tcvod.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * The member names a thread reads, kept as Strings so that a name seen before costs no allocation
 * (the generated adapters switch on {@code nextName()}, which needs a String). A fixed number of
 * slots, picked by the name's hash: a name that lands in a taken slot replaces what was there, so
 * the cache never grows and a miss only costs the String a plain read would have made. Not
 * thread-safe: each reader has its own.
 */
final class NameCache {
  /** A power of two; a response type of the API uses a few dozen names. */
  static final int SLOTS = 256;
  /** Longer names are decoded each time: they are rare, and comparing them costs as much as copying. */
  static final int MAX_CACHED_LENGTH = 64;

  private final String[] names = new String[SLOTS];

  /**
   * @param bytes the document
   * @param start the first byte of the name, after its quote
   * @param end the byte after the name, its closing quote
   * @param ascii whether every byte of the name is ASCII (then a byte is a char)
   * @return the name, the same String as last time when the slot still holds it
   */
  String name(byte[] bytes, int start, int end, boolean ascii) {
    int length = end - start;
    if (!ascii || length > MAX_CACHED_LENGTH) {
      return new String(bytes, start, length, StandardCharsets.UTF_8);
    }
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = slotOf(hash);
    String cached = names[slot];
    if (cached != null && sameAscii(cached, bytes, start, length)) {
      return cached;
    }
    String name = new String(bytes, start, length, StandardCharsets.US_ASCII);
    names[slot] = name;
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
