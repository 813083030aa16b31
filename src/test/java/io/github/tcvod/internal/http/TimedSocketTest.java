package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real sockets on 127.0.0.1 whose peer never reads (a write blocks once the kernel's buffers are
 * full) or never answers (a read blocks).
 */
class TimedSocketTest {
  private static final long WRITE_TIMEOUT_MILLIS = 300;
  private static final long READ_TIMEOUT_MILLIS = 400;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SocketWatchdog watchdog = new SocketWatchdog(TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MILLIS),
      TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MILLIS), System::nanoTime);

  TimedSocketTest() {
    watchdog.bind((task, delay) -> {
      scheduler.schedule(task, delay, TimeUnit.NANOSECONDS);
      return true;
    });
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** A server that never reads, with small buffers on both sides, so that a write soon blocks. */
  private static ServerSocket deafServer() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReceiveBufferSize(4096);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    return server;
  }

  private TimedSocket connectedTo(ServerSocket server) throws IOException {
    TimedSocket socket = new TimedSocket(watchdog);
    socket.setSendBufferSize(4096);
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
    return socket;
  }

  @Test
  void aWriteThatBlocksIsEndedAsATimeout() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (ServerSocket server = deafServer(); TimedSocket socket = connectedTo(server)) {
        OutputStream out = socket.getOutputStream();
        assertSame(out, socket.getOutputStream(), "one watched stream per socket");
        byte[] chunk = new byte[64 * 1024];
        long start = System.nanoTime();
        // Each write either completes, then its time is forgotten, or blocks once the buffers are full.
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> {
          while (true) {
            out.write(chunk, 0, chunk.length);
          }
        });
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // The blocked write may fail while the watchdog's close is still returning on its thread:
        // the socket's closed flag and its forgetting come after; wait for that sweep to end.
        scheduler.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals("write timed out", e.getMessage());
        assertTrue(e.getCause() instanceof IOException, "what the closed socket threw: " + e.getCause());
        assertTrue(millis >= WRITE_TIMEOUT_MILLIS - 50, "ended after " + millis + " ms");
        assertTrue(socket.isClosed());
        assertEquals(0, watchdog.size(), "a closed socket is no longer watched");
      }
    });
  }

  @Test
  void aSingleByteWriteIsWatchedToo() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (ServerSocket server = deafServer(); TimedSocket socket = connectedTo(server)) {
        OutputStream out = socket.getOutputStream();
        assertThrows(SocketTimeoutException.class, () -> {
          while (true) {
            out.write('x');
          }
        });
      }
    });
  }

  @Test
  void writesThatEndInTimeAreNotEndedAndAFailureOfItsOwnIsReportedAsItIs() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         TimedSocket socket = new TimedSocket(watchdog)) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket peer = server.accept()) {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {1, 2, 3}, 0, 3);
        out.flush();
        byte[] read = new byte[3];
        assertEquals(3, peer.getInputStream().read(read));
        assertEquals(io.github.tcvod.internal.DeadlineSweeper.NONE, socket.deadline(), "no write under way");
        socket.shutdownOutput();
        IOException e = assertThrows(IOException.class, () -> out.write(4));
        assertTrue(!(e instanceof SocketTimeoutException), "not the watchdog's doing: " + e);
      }
    }
    assertEquals(0, watchdog.size());
  }

  @Test
  void readsWaitInBlockingModeAndATimeoutOkHttpSetsItselfApplies() throws IOException {
    try (TimedSocket socket = new TimedSocket(watchdog)) {
      assertEquals(0, socket.getSoTimeout(), "no SO_TIMEOUT: the JDK would read in non-blocking mode and poll");
      socket.setSoTimeout(7);
      assertEquals(7, socket.getSoTimeout(), "OkHttp's health check of a pooled connection");
      socket.setSoTimeout(0);
      assertEquals(0, socket.getSoTimeout());
    }
  }

  /** @return what the read threw, within the time the test allows; fails when it read instead */
  private static IOException readFailure(TimedSocket socket, boolean singleBytes) {
    return assertThrows(IOException.class, () -> {
      InputStream in = socket.getInputStream();
      if (singleBytes) {
        in.read();
      } else {
        in.read(new byte[16], 0, 16);
      }
    });
  }

  @Test
  void aReadThatBlocksIsEndedAsATimeout() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (boolean singleBytes : new boolean[] {false, true}) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TimedSocket socket = connectedTo(server);
             Socket silent = server.accept()) {
          long start = System.nanoTime();
          IOException e = readFailure(socket, singleBytes);
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          scheduler.submit(() -> { }).get(5, TimeUnit.SECONDS);
          assertTrue(e instanceof SocketTimeoutException, "single bytes " + singleBytes + ": " + e);
          assertEquals("Read timed out", e.getMessage(), "as the JDK words it");
          assertTrue(e.getCause() instanceof IOException, "what the closed socket threw: " + e.getCause());
          assertTrue(millis >= READ_TIMEOUT_MILLIS - 50 && millis < 10_000, "ended after " + millis + " ms");
          assertTrue(socket.isClosed());
          assertEquals(0, watchdog.size(), "a closed socket is no longer watched");
        }
      }
    });
  }

  @Test
  void aReadThatIsAnsweredInTimeIsNotEndedAndShowsItsDeadlineWhileItWaits() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
           TimedSocket socket = connectedTo(server);
           Socket peer = server.accept()) {
        long before = System.nanoTime();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
          Future<Integer> read = reader.submit(() -> socket.getInputStream().read());
          while (socket.deadline() == io.github.tcvod.internal.DeadlineSweeper.NONE) {
            Thread.sleep(1);
          }
          long deadline = socket.deadline();
          assertTrue(deadline - before >= TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MILLIS)
              && deadline - System.nanoTime() <= TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MILLIS),
              "the read's deadline is its start plus the read timeout");
          peer.getOutputStream().write(42);
          assertEquals(42, read.get(5, TimeUnit.SECONDS));
        } finally {
          reader.shutdownNow();
        }
        assertEquals(io.github.tcvod.internal.DeadlineSweeper.NONE, socket.deadline(), "no read under way");
        peer.getOutputStream().write(new byte[] {1, 2, 3, 4, 5});
        long skipped = socket.getInputStream().skip(3);
        assertTrue(skipped >= 1 && skipped <= 3, "skipped " + skipped);
        Thread.sleep(READ_TIMEOUT_MILLIS + 200);
        assertTrue(!socket.isClosed(), "reads that ended in time are not ended later");
      }
    });
  }

  /**
   * A read and a write under way at once: the earlier deadline is the socket's, and ends both,
   * whichever of the two it is.
   */
  @Test
  void aBlockedReadBesideABlockedWriteEndsBothAtTheEarlierDeadline() {
    long shortNanos = TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MILLIS);
    long longNanos = TimeUnit.SECONDS.toNanos(30);
    assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
      bothBlockedEndAtTheEarlierDeadline(new SocketWatchdog(longNanos, shortNanos, System::nanoTime));
      bothBlockedEndAtTheEarlierDeadline(new SocketWatchdog(shortNanos, longNanos, System::nanoTime));
    });
  }

  private void bothBlockedEndAtTheEarlierDeadline(SocketWatchdog watchdog) throws Exception {
    watchdog.bind((task, delay) -> {
      scheduler.schedule(task, delay, TimeUnit.NANOSECONDS);
      return true;
    });
    try (ServerSocket server = deafServer(); TimedSocket socket = new TimedSocket(watchdog)) {
      socket.setSendBufferSize(4096);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      ExecutorService writer = Executors.newSingleThreadExecutor();
      try {
        long start = System.nanoTime();
        byte[] chunk = new byte[64 * 1024];
        Future<IOException> write = writer.submit(() -> assertThrows(IOException.class, () -> {
          while (true) {
            socket.getOutputStream().write(chunk, 0, chunk.length);
          }
        }));
        IOException read = readFailure(socket, false);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("Read timed out", read.getMessage());
        assertEquals("write timed out", write.get(5, TimeUnit.SECONDS).getMessage(), "the write ended with the socket");
        assertTrue(millis < 10_000, "the earlier deadline, not the other's 30 s: " + millis + " ms");
      } finally {
        writer.shutdownNow();
      }
    }
  }

  @Test
  void aSweepLeavesAWriteThatEndedMeanwhileAlone() throws IOException {
    try (TimedSocket socket = new TimedSocket(watchdog)) {
      socket.expire(12345L);
      assertTrue(!socket.isClosed(), "no write under way with that deadline: the socket stays open");
    }
  }

  @Test
  void closingTheStreamClosesTheSocket() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         TimedSocket socket = new TimedSocket(watchdog)) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      socket.getOutputStream().close();
      assertTrue(socket.isClosed());
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         TimedSocket socket = new TimedSocket(watchdog)) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      socket.getInputStream().close();
      assertTrue(socket.isClosed(), "as a socket's own input stream does");
    }
  }
}
