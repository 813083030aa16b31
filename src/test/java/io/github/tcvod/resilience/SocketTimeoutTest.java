package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.TransportException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The read and write timeouts of the SDK's own HTTP client are kept by its sockets, not by Okio's
 * timeout queue (see {@code SocketTimeouts}): a read that waits longer fails at the read timeout,
 * long before the attempt limit, whether it waits for an answer or for the server's half of a TLS
 * handshake, and so does a write that a server never reads.
 */
class SocketTimeoutTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  /** Far beyond the watchdog: a test that ends in time was ended by the read timeout. */
  private static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(60);

  private static void assertEndsAtTheReadTimeout(VodClient vod) {
    long start = System.nanoTime();
    TransportException e = assertTimeoutPreemptively(WATCHDOG,
        () -> assertThrows(TransportException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(e.getCause() instanceof SocketTimeoutException, "a read timeout: " + e.getCause());
    assertTrue(millis >= READ_TIMEOUT.toMillis() - 100, "ended after " + millis + " ms, before the read timeout");
    assertTrue(e.isRetryable());
  }

  @Test
  void anAnswerThatNeverComesEndsAtTheReadTimeout() throws Exception {
    try (RawServer server = new RawServer((n, out) -> HostileAnswersTest.sleepQuietly(30_000));
         VodClient vod = VodTestServer.clientOf(server.port()).readTimeout(READ_TIMEOUT).callTimeout(ATTEMPT_LIMIT)
             .build()) {
      assertEndsAtTheReadTimeout(vod);
      assertEquals(1, server.requests());
    }
  }

  /** The server accepts the connection and never answers the ClientHello (it waits for an HTTP head). */
  @Test
  void aTlsHandshakeThatNeverEndsEndsAtTheReadTimeout() throws Exception {
    try (RawServer server = new RawServer((n, out) -> {
          throw new AssertionError("no HTTP request can arrive before the handshake");
        });
         VodClient vod = VodTestServer.clientOf(server.port()).endpoint("https://127.0.0.1:" + server.port())
             .readTimeout(READ_TIMEOUT).callTimeout(ATTEMPT_LIMIT).build()) {
      assertEndsAtTheReadTimeout(vod);
      assertEquals(0, server.requests());
    }
  }

  /** Accepts connections into its backlog and never reads; its receive buffer is small. */
  private static java.net.ServerSocket deafServer() throws java.io.IOException {
    java.net.ServerSocket server = new java.net.ServerSocket();
    server.setReceiveBufferSize(4096);
    server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 1);
    return server;
  }

  /** A request far larger than the kernel's buffers, to a server that never reads it. */
  @Test
  void aWriteTheServerNeverReadsEndsAtTheWriteTimeout() throws Exception {
    char[] filler = new char[8 * 1024 * 1024];
    java.util.Arrays.fill(filler, 'x');
    String huge = "{\"Comment\":\"" + new String(filler) + "\"}";
    try (java.net.ServerSocket deaf = deafServer();
         VodClient vod = VodTestServer.clientOf(deaf.getLocalPort()).writeTimeout(Duration.ofSeconds(1))
             .callTimeout(ATTEMPT_LIMIT).build()) {
      long start = System.nanoTime();
      TransportException e = assertTimeoutPreemptively(WATCHDOG,
          () -> assertThrows(TransportException.class, () -> vod.call("DescribeProcessImageAsyncTemplates", huge)));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e.getCause() instanceof SocketTimeoutException, "a write timeout: " + e.getCause());
      assertEquals("write timed out", e.getCause().getMessage());
      assertTrue(millis >= 900, "ended after " + millis + " ms, before the write timeout");
    }
  }

  @Test
  void theSdksOwnClientTellsOkHttpNoTimeouts() {
    try (VodClient vod = VodTestServer.clientOf(1).readTimeout(READ_TIMEOUT).build()) {
      OkHttpClient http = VodTestServer.httpClientOf(vod);
      assertEquals(0, http.readTimeoutMillis(), "Okio's timeout around each read costs a lock and a thread's wake-up");
      assertEquals(0, http.writeTimeoutMillis(), "and so does its timeout around each write");
    }
  }

  @Test
  void aCallersClientKeepsItsTimeoutsItsSocketsAndItsProtocols() {
    OkHttpClient mine = new OkHttpClient.Builder().readTimeout(7, TimeUnit.SECONDS).writeTimeout(8, TimeUnit.SECONDS).build();
    try (VodClient vod = VodTestServer.clientOf(1).httpClient(mine).build()) {
      OkHttpClient http = VodTestServer.httpClientOf(vod);
      assertEquals(7_000, http.readTimeoutMillis());
      assertEquals(8_000, http.writeTimeoutMillis());
      assertSame(mine.socketFactory(), http.socketFactory());
      assertEquals(mine.protocols(), http.protocols());
    }
    try (VodClient vod = VodTestServer.clientOf(1).httpClient(mine).readTimeout(Duration.ofSeconds(3)).build()) {
      assertEquals(3_000, VodTestServer.httpClientOf(vod).readTimeoutMillis(), "set on the builder: set on OkHttp");
    }
  }

  @Test
  void aTimeoutShorterThanAMillisecondIsKeptAsOneNotAsNone() {
    // OkHttp counts its timeouts in milliseconds and reads 0 as "no timeout": 0.5 ms became none.
    Duration half = Duration.ofNanos(500_000);
    try (VodClient vod = VodTestServer.clientOf(1).connectTimeout(half).build()) {
      assertEquals(1, VodTestServer.httpClientOf(vod).connectTimeoutMillis());
    }
    OkHttpClient mine = new OkHttpClient();
    try (VodClient vod = VodTestServer.clientOf(1).httpClient(mine).connectTimeout(half).readTimeout(half)
        .writeTimeout(Duration.ofNanos(1)).build()) {
      OkHttpClient http = VodTestServer.httpClientOf(vod);
      assertEquals(1, http.connectTimeoutMillis());
      assertEquals(1, http.readTimeoutMillis());
      assertEquals(1, http.writeTimeoutMillis());
    }
    try (VodClient vod = VodTestServer.clientOf(1).httpClient(mine).readTimeout(Duration.ofMillis(1_500).plusNanos(1))
        .build()) {
      assertEquals(1_501, VodTestServer.httpClientOf(vod).readTimeoutMillis(), "rounded up, never down to a shorter one");
    }
  }
}
