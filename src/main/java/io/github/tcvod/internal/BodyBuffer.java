package io.github.tcvod.internal;

import java.io.IOException;
import java.util.Arrays;
import okio.BufferedSource;

/**
 * The bytes of one answer's body, read into an array that stays with the thread from call to call
 * instead of a new array per answer (the body is only parsed, never kept). An array grown past
 * {@link #KEPT_CAPACITY} serves its one answer and is then let go, so a thread does not pin the
 * memory of the largest body it ever read. What a body held is wiped when the call is done with it.
 */
final class BodyBuffer {
  /** Typical answers are a few KB; a page of templates a few hundred. */
  static final int INITIAL_CAPACITY = 8 * 1024;
  /** The largest array kept for the next answer. */
  static final int KEPT_CAPACITY = 64 * 1024;
  /** The largest array the JVM reliably makes. */
  static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private static final ThreadLocal<BodyBuffer> PER_THREAD = new ThreadLocal<>();
  /** Copied over a body to wipe it: {@code System.arraycopy} is a vectorized copy wherever the JIT runs. */
  private static final byte[] ZEROS = new byte[INITIAL_CAPACITY];

  private byte[] kept;
  private byte[] bytes;
  private int length;
  private boolean inUse;

  private BodyBuffer() {
  }

  /**
   * @return this thread's buffer, empty; a new one when this thread's is in use (a body read while
   *     another is parsed on the same thread, e.g. from an adapter). Release it after use.
   */
  static BodyBuffer acquire() {
    BodyBuffer buffer = PER_THREAD.get();
    if (buffer == null) {
      buffer = new BodyBuffer();
      PER_THREAD.set(buffer);
    } else if (buffer.inUse) {
      buffer = new BodyBuffer();
    }
    buffer.inUse = true;
    if (buffer.kept == null) {
      buffer.kept = new byte[INITIAL_CAPACITY];
    }
    buffer.bytes = buffer.kept;
    buffer.length = 0;
    return buffer;
  }

  /**
   * Reads the source to its end, or until it has given more than {@code limit} bytes.
   *
   * @param source the body
   * @param limit the most bytes a body may have
   * @return whether the whole body is within the limit; when not, reading stopped at limit + 1 bytes
   * @throws IOException from the source
   */
  boolean readAtMost(BufferedSource source, long limit) throws IOException {
    long wanted = limit >= MAX_CAPACITY ? MAX_CAPACITY : limit + 1;
    while (true) {
      if (length == bytes.length) {
        if (length >= wanted) {
          // a limit beyond what an array holds: refuse as a Buffer of more than 2 GB would be
          throw new IllegalArgumentException("a response body larger than " + MAX_CAPACITY + " bytes cannot be read");
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(2L * length, INITIAL_CAPACITY), wanted));
      }
      int read = source.read(bytes, length, (int) Math.min(bytes.length - length, wanted - length));
      if (read == -1) {
        return true;
      }
      length += read;
      if (length > limit) {
        return false;
      }
    }
  }

  /** @return the array holding the body from index 0; valid until {@link #release()} */
  byte[] bytes() {
    return bytes;
  }

  /** @return the body's length */
  int length() {
    return length;
  }

  /** Wipes the body and hands the array back to the thread, or lets go of it when grown large. */
  void release() {
    // the kept array holds the body's start when the body outgrew it
    wipe(kept, Math.min(length, kept.length));
    if (bytes != kept && bytes.length <= KEPT_CAPACITY) {
      wipe(bytes, length);
      kept = bytes;
    }
    bytes = null;
    length = 0;
    inUse = false;
  }

  private static void wipe(byte[] array, int length) {
    for (int start = 0; start < length; start += ZEROS.length) {
      System.arraycopy(ZEROS, 0, array, start, Math.min(ZEROS.length, length - start));
    }
  }

  /** @return the capacity of the array kept for the next body (for tests) */
  int keptCapacity() {
    return kept == null ? 0 : kept.length;
  }
}
