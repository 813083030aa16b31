package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.CallOptions;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.exception.MalformedResponseException;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.exception.VodException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Answers a production server should never send, on a raw socket: each call still ends, once and typed. */
class HostileAnswersTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final byte[] BAD_GATEWAY_FOREVER = RawServer.http("502 Bad Gateway", "", "Retry-After: 9999999999999");

  @Test
  void hugeRetryAfterEndsASyncCallByItsDeadline() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(BAD_GATEWAY_FOREVER));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build()) {
      long start = System.nanoTime();
      VodException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(VodException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST, CallOptions.timeout(Duration.ofSeconds(5)))));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "gave up at once, not at the deadline");
      assertSame(HttpStatusException.class, e.getClass());
      assertEquals(502, e.httpStatus());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void hugeRetryAfterEndsCallsWithoutADeadlineSyncAndAsync() throws Exception {
    String throttled = "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"m\"},\"RequestId\":\"r\"}}";
    byte[] answer = RawServer.http("200 OK", throttled, "Retry-After: 9999999999999", "Content-Type: application/json");
    try (RawServer server = new RawServer((n, out) -> out.write(answer));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build()) {
      VodException sync = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(VodException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals("RequestLimitExceeded", sync.errorCode());
      ExecutionException async = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(15, TimeUnit.SECONDS)));
      assertEquals("RequestLimitExceeded", ((VodException) async.getCause()).errorCode());
      assertEquals(2, server.requests(), "one attempt each: the wait asked for is beyond the retry window");
    }
  }

  @Test
  void redirectToAnotherHostIsNotFollowedWithTheCallersClient() throws Exception {
    try (RawServer foreign = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         RawServer origin = new RawServer((n, out) -> out.write(RawServer.http("307 Temporary Redirect", "",
             "Location: " + foreign.url() + "/")));
         VodClient vod = VodTestServer.clientOf(origin.port()).httpClient(new OkHttpClient())
             .credentials(Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "session-token-1")).build()) {
      HttpStatusException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(HttpStatusException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals(307, e.httpStatus());
      assertEquals(1, origin.requests());
      assertEquals(0, foreign.requests(), "the token and body never reach the other host");
    }
  }

  @Test
  void serviceUnavailableWithRetryAfterZeroIsNotResentByOkHttp() throws Exception {
    byte[] unavailable = RawServer.http("503 Service Unavailable", "", "Retry-After: 0");
    for (OkHttpClient callers : new OkHttpClient[] {null, new OkHttpClient()}) {
      try (RawServer server = new RawServer((n, out) -> out.write(unavailable));
           VodClient vod = VodTestServer.clientOf(server.port()).httpClient(callers).retryPolicy(RetryPolicy.defaults()).build()) {
        HttpStatusException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(HttpStatusException.class,
            () -> Hostile.create(vod)));
        assertEquals(503, e.httpStatus());
        assertEquals(1, server.requests(), "a non-idempotent action goes out exactly once (caller's client: " + callers + ")");
      }
    }
  }

  @Test
  void requestTimeoutIsNotResentByOkHttp() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("408 Request Timeout", "")));
         VodClient vod = VodTestServer.clientOf(server.port()).httpClient(new OkHttpClient()).build()) {
      assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(HttpStatusException.class, () -> Hostile.create(vod)));
      assertEquals(1, server.requests());
    }
  }

  @Test
  void retryAfterBeyondAnIntIsATypedFailure() throws Exception {
    byte[] unavailable = RawServer.http("503 Service Unavailable", "", "Retry-After: 2147483648");
    try (RawServer server = new RawServer((n, out) -> out.write(unavailable));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build()) {
      HttpStatusException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(HttpStatusException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals(503, e.httpStatus());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void hungReadOfAnIdempotentActionIsRetried() throws Exception {
    try (RawServer server = new RawServer((n, out) -> {
          if (n == 1) {
            sleepQuietly(15_000);
          }
          out.write(RawServer.http("200 OK", Hostile.OK));
        });
         VodClient vod = VodTestServer.clientOf(server.port()).readTimeout(Duration.ofSeconds(1))
             .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10)).maxTotalTime(Duration.ofSeconds(8)).build()).build()) {
      assertEquals(4L, assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST)).totalCount());
      assertEquals(2, server.requests());
    }
  }

  @Test
  void bodyCutShortIsARetryableTransportFailure() throws Exception {
    try (RawServer server = new RawServer((n, out) -> {
          if (n == 1) {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Respon".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            throw new java.io.IOException("hang up");
          }
          out.write(RawServer.http("200 OK", Hostile.OK));
        });
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build()) {
      assertEquals(4L, assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST)).totalCount());
      assertEquals(2, server.requests());
    }
  }

  @Test
  void bodyCutShortFailsANonIdempotentActionOnceAsRetryable() throws Exception {
    try (RawServer server = new RawServer((n, out) -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          throw new java.io.IOException("hang up");
        });
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build()) {
      TransportException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(TransportException.class,
          () -> Hostile.create(vod)));
      assertTrue(e.isRetryable());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void garbledStatusLineIsNotQuotedRaw() throws Exception {
    byte[] garbage = "HTTP/1.1 2\u001b[31mXX\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    try (RawServer server = new RawServer((n, out) -> out.write(garbage));
         VodClient vod = VodTestServer.clientOf(server.port()).build()) {
      TransportException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(TransportException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("\u001b"), "control characters escaped: " + t);
      }
    }
  }

  @Test
  void tooManyRequestsIsRetriedForIdempotentActions() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("429 Too Many Requests", "{\"message\":\"slow down\"}") : RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build()) {
      assertEquals(4L, assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST)).totalCount());
      assertEquals(2, server.requests());
    }
  }

  @Test
  void serverDateFarOffIsNotAdopted() throws Exception {
    String expired = "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureExpire\",\"Message\":\"m\"},\"RequestId\":\"r\"}}";
    for (String date : new String[] {"Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"}) {
      try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", expired, "Date: " + date)));
           VodClient vod = VodTestServer.clientOf(server.port()).build()) {
        VodClientException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(VodClientException.class,
            () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
        assertEquals("ClientError.ClockSkew", e.errorCode());
        assertTrue(e.getMessage().contains(date.contains("9999") ? "9999-12-31T23:59:59Z" : "1970-01-01T00:00:00Z"), e.getMessage());
        assertTrue(e.getMessage().contains(VodTestServer.NOW.toString()), "the local time too: " + e.getMessage());
        assertEquals("AuthFailure.SignatureExpire", ((VodException) e.getCause()).errorCode());
        assertEquals(0, Hostile.invokerOf(vod).clock().offsetMillis(), "nothing adopted");
        assertEquals(1, server.requests());
      }
    }
  }

  @Test
  void negativeContentLengthIsATypedFailureSyncAndAsync() throws Exception {
    // OkHttp asks Okio for a negative byte count (IllegalArgumentException), when reading and when closing.
    byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n" + Hostile.OK).getBytes(StandardCharsets.US_ASCII);
    try (RawServer server = new RawServer((n, out) -> out.write(answer));
         VodClient vod = VodTestServer.clientOf(server.port()).build()) {
      TransportException sync = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(TransportException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals(200, sync.httpStatus());
      assertFalse(sync.isRetryable(), "the same bytes again: " + sync.getMessage());
      assertTrue(sync.getMessage().contains("Content-Length -5"), sync.getMessage());
      ExecutionException async = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(15, TimeUnit.SECONDS)));
      TransportException failure = assertInstanceOf(TransportException.class, async.getCause());
      assertEquals(200, failure.httpStatus());
      assertEquals(sync.getMessage(), failure.getMessage());
      assertEquals(2, server.requests());
    }
  }

  @Test
  void anApiErrorFollowedByANullErrorIsNotASuccess() throws Exception {
    // A JSON tree keeps the last of two equal keys: the error would be dropped and the call succeed.
    String body = "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound\",\"Message\":\"m\"},\"Error\":null,"
        + "\"RequestId\":\"r-1\"}}";
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", body)));
         VodClient vod = VodTestServer.clientOf(server.port()).build()) {
      MalformedResponseException typed = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(
          MalformedResponseException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertEquals("r-1", typed.requestId());
      assertTrue(typed.getMessage().contains("more than one Error member"), typed.getMessage());
      MalformedResponseException byName = assertThrows(MalformedResponseException.class,
          () -> vod.call("DescribeProcessImageAsyncTemplates", "{}"));
      assertEquals("r-1", byName.requestId());
    }
    String afterAnotherMember = "{\"Before\":[1,{\"Error\":2}],\"Response\":{\"Error\":{\"Code\":\"InternalError\"},"
        + "\"Error\":null,\"RequestId\":\"r-2\"}}";
    String secondResponse = "{\"Response\":{\"Error\":{\"Code\":\"InternalError\"},\"RequestId\":\"r-3\"},"
        + "\"Response\":{\"RequestId\":\"r-4\"}}";
    for (String ambiguous : new String[] {afterAnotherMember, secondResponse}) {
      try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", ambiguous)));
           VodClient vod = VodTestServer.clientOf(server.port()).build()) {
        MalformedResponseException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(
            MalformedResponseException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
        assertTrue(e.getMessage().contains(ambiguous.equals(secondResponse) ? "more than one Response member"
            : "more than one Error member"), e.getMessage());
      }
    }
  }

  @Test
  void aBodyThatDoesNotDecodeAsItsContentEncodingSaysIsNotRetried() throws Exception {
    // Not gzip, or gzip with bytes after its end: the same bytes again would fail the same way.
    byte[] gzip = gzip(Hostile.OK);
    byte[] trailing = Arrays.copyOf(gzip, gzip.length + 1);
    for (byte[] body : new byte[][] {Hostile.OK.getBytes(StandardCharsets.US_ASCII), trailing}) {
      byte[] head = ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      try (RawServer server = new RawServer((n, out) -> {
        out.write(head);
        out.write(body);
      });
           VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build()) {
        TransportException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(TransportException.class,
            () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
        assertEquals(200, e.httpStatus());
        assertFalse(e.isRetryable(), e.getMessage());
        assertTrue(e.getMessage().contains("does not decode as its Content-Encoding says"), e.getMessage());
        assertEquals(1, server.requests());
      }
    }
  }

  /** A body cut short inside its gzip stream is cut short, as any other: retried. */
  @Test
  void aGzipBodyCutShortIsStillRetryable() throws Exception {
    byte[] gzip = gzip(Hostile.OK);
    byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + gzip.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] half = Arrays.copyOf(gzip, gzip.length / 2);
    try (RawServer server = new RawServer((n, out) -> {
      out.write(answer);
      out.write(half);
      out.flush();
      out.close();
    });
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build()) {
      TransportException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(TransportException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertTrue(e.isRetryable(), e.getMessage());
      assertTrue(server.requests() > 1, "retried");
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void anExceptionOkHttpThrowsOnALegalAnswerEndsSyncAndAsyncCallsAlike() throws Exception {
    // Two interim 1xx answers before the final one: OkHttp 4.12 skips one, then fails with IllegalStateException.
    byte[] answer = ("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </b>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: " + Hostile.OK.length() + "\r\n\r\n" + Hostile.OK).getBytes(StandardCharsets.US_ASCII);
    try (RawServer server = new RawServer((n, out) -> out.write(answer));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build()) {
      VodException sync;
      try {
        vod.describeProcessImageAsyncTemplates(REQUEST);
        return; // an OkHttp that reads both interim answers: nothing to compare
      } catch (VodException e) {
        sync = e;
      }
      int syncRequests = server.requests();
      ExecutionException async = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(15, TimeUnit.SECONDS)));
      VodException failure = assertInstanceOf(VodException.class, async.getCause());
      assertSame(sync.getClass(), failure.getClass());
      assertEquals(sync.errorCode(), failure.errorCode());
      assertEquals(sync.isRetryable(), failure.isRetryable());
      assertEquals(syncRequests, server.requests() - syncRequests, "as many attempts either way");
    }
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
