package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real sockets on 127.0.0.1 whose peer never reads: a write blocks once the kernel's buffers are full. */
class TimedSocketTest {
  private static final long WRITE_TIMEOUT_MILLIS = 300;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final WriteWatchdog writes = new WriteWatchdog(TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MILLIS), System::nanoTime);

  TimedSocketTest() {
    writes.bind((task, delay) -> {
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
    TimedSocket socket = new TimedSocket(10_000, writes);
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
        assertEquals(0, writes.size(), "a closed socket is no longer watched");
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
         TimedSocket socket = new TimedSocket(10_000, writes)) {
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
    assertEquals(0, writes.size());
  }

  @Test
  void noReadTimeoutMeansTheSdks() throws IOException {
    try (TimedSocket socket = new TimedSocket(1234, writes)) {
      assertEquals(1234, socket.getSoTimeout());
      socket.setSoTimeout(0);
      assertEquals(1234, socket.getSoTimeout());
      socket.setSoTimeout(7);
      assertEquals(7, socket.getSoTimeout());
    }
  }

  @Test
  void aSweepLeavesAWriteThatEndedMeanwhileAlone() throws IOException {
    try (TimedSocket socket = new TimedSocket(1234, writes)) {
      socket.expire(12345L);
      assertTrue(!socket.isClosed(), "no write under way with that deadline: the socket stays open");
    }
  }

  @Test
  void closingTheStreamClosesTheSocket() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         TimedSocket socket = new TimedSocket(1234, writes)) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      socket.getOutputStream().close();
      assertTrue(socket.isClosed());
    }
  }
}
