package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The per-thread body array: the limit exactly as before, growth, and nothing large or readable kept. */
class BodyBufferTest {
  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static Buffer source(byte[] bytes) {
    return new Buffer().write(bytes);
  }

  @Test
  void aBodyUpToTheLimitIsReadWhole() throws IOException {
    for (int length : new int[] {0, 1, 100, BodyBuffer.INITIAL_CAPACITY - 1, BodyBuffer.INITIAL_CAPACITY,
        BodyBuffer.INITIAL_CAPACITY + 1, 3 * BodyBuffer.INITIAL_CAPACITY + 7, BodyBuffer.KEPT_CAPACITY + 1}) {
      byte[] body = random(length);
      BodyBuffer buffer = BodyBuffer.acquire();
      try {
        assertTrue(buffer.readAtMost(source(body), length));
        assertEquals(length, buffer.length());
        assertArrayEquals(body, Arrays.copyOf(buffer.bytes(), buffer.length()));
      } finally {
        buffer.release();
      }
    }
  }

  @Test
  void oneByteOverTheLimitIsTooLargeAndReadingStopsThere() throws IOException {
    for (int limit : new int[] {1, 10, BodyBuffer.INITIAL_CAPACITY, BodyBuffer.INITIAL_CAPACITY + 5}) {
      Buffer source = source(random(limit + 100));
      BodyBuffer buffer = BodyBuffer.acquire();
      try {
        assertFalse(buffer.readAtMost(source, limit));
        assertEquals(limit + 1, buffer.length());
        assertEquals(99, source.size());
      } finally {
        buffer.release();
      }
      BodyBuffer exact = BodyBuffer.acquire();
      try {
        assertFalse(exact.readAtMost(source(random(limit + 1)), limit));
      } finally {
        exact.release();
      }
    }
  }

  @Test
  void aLimitBeyondAnArrayIsNoProblemForASmallBody() throws IOException {
    BodyBuffer buffer = BodyBuffer.acquire();
    try {
      assertTrue(buffer.readAtMost(source(random(5000)), Long.MAX_VALUE));
      assertEquals(5000, buffer.length());
    } finally {
      buffer.release();
    }
  }

  @Test
  void theThreadKeepsOneSmallArrayWipedAndLetsALargeOneGo() throws IOException {
    BodyBuffer buffer = BodyBuffer.acquire();
    byte[] array;
    try {
      assertTrue(buffer.readAtMost(source(random(3000)), 1 << 20));
      array = buffer.bytes();
    } finally {
      buffer.release();
    }
    assertTrue(isZero(array), "wiped");
    int kept = buffer.keptCapacity();
    assertTrue(kept <= BodyBuffer.KEPT_CAPACITY);
    BodyBuffer again = BodyBuffer.acquire();
    assertSame(buffer, again);
    try {
      assertSame(array, again.bytes());
      assertTrue(again.readAtMost(source(random(BodyBuffer.KEPT_CAPACITY * 2)), 1 << 20));
      assertNotSame(array, again.bytes());
    } finally {
      again.release();
    }
    assertTrue(isZero(array), "the start of a body that outgrew the kept array is wiped too");
    assertEquals(kept, again.keptCapacity());

    BodyBuffer grown = BodyBuffer.acquire();
    try {
      assertTrue(grown.readAtMost(source(random(BodyBuffer.KEPT_CAPACITY / 2)), 1 << 20));
    } finally {
      grown.release();
    }
    assertTrue(grown.keptCapacity() >= BodyBuffer.KEPT_CAPACITY / 2 && grown.keptCapacity() <= BodyBuffer.KEPT_CAPACITY);
    assertTrue(isZero(BodyBuffer.acquire().bytes()));
    BodyBuffer.acquire().release();
  }

  @Test
  void aBufferInUseIsNotHandedOutTwice() {
    BodyBuffer outer = BodyBuffer.acquire();
    BodyBuffer inner = BodyBuffer.acquire();
    assertNotSame(outer, inner);
    inner.release();
    outer.release();
    BodyBuffer next = BodyBuffer.acquire();
    assertSame(outer, next);
    next.release();
  }

  @Test
  void sourceFailuresPassThrough() {
    BodyBuffer buffer = BodyBuffer.acquire();
    try {
      okio.BufferedSource failing = okio.Okio.buffer(new okio.ForwardingSource(source(random(10))) {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          throw new IOException("reset");
        }
      });
      assertThrows(IOException.class, () -> buffer.readAtMost(failing, 100));
    } finally {
      buffer.release();
    }
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aThreadsFirstBufferStaysWithIt() throws Exception {
    BodyBuffer[] seen = new BodyBuffer[2];
    Thread thread = new Thread(() -> {
      seen[0] = BodyBuffer.acquire();
      seen[0].release();
      seen[1] = BodyBuffer.acquire();
      seen[1].release();
    });
    thread.start();
    thread.join();
    assertSame(seen[0], seen[1]);
  }
}
