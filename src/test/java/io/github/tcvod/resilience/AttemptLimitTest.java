package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.TransportException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The time limit of an attempt ({@code callTimeout}, 60 s by default) ends it whatever the server
 * does: a synchronous attempt is ended by the SDK's watchdog, an asynchronous one by OkHttp's call
 * timeout; both fail as a timeout. The servers here never let a read time out: they trickle.
 */
class AttemptLimitTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final Duration LIMIT = Duration.ofMillis(500);

  /** Sends the head of a 10 KB answer, then one byte every 100 ms: each read succeeds, the body never ends. */
  private static RawServer tricklingBody() throws Exception {
    return new RawServer((n, out) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 10_000; i++) {
        out.write(' ');
        out.flush();
        HostileAnswersTest.sleepQuietly(100);
      }
    });
  }

  /** Sends the status line one byte every 100 ms, so the head never ends. */
  private static RawServer tricklingHead() throws Exception {
    return new RawServer((n, out) -> {
      for (byte b : "HTTP/1.1 200 OK\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII)) {
        out.write(b);
        out.flush();
        HostileAnswersTest.sleepQuietly(100);
      }
      for (int i = 0; i < 10_000; i++) {
        out.write('x');
        out.flush();
        HostileAnswersTest.sleepQuietly(100);
      }
    });
  }

  private static void assertTimedOut(TransportException e, long millis) {
    assertTrue(e.getCause() instanceof InterruptedIOException, "a timeout, as OkHttp reports one: " + e.getCause());
    assertEquals("timeout", e.getCause().getMessage());
    assertTrue(millis >= 400 && millis < 10_000, "ended by the 500 ms limit: " + millis + " ms");
  }

  @Test
  void aTricklingBodyEndsASynchronousAttemptAtTheLimit() throws Exception {
    TransportException e = synchronousCallTo(tricklingBody());
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
  }

  @Test
  void aTricklingHeadEndsASynchronousAttemptAtTheLimit() throws Exception {
    synchronousCallTo(tricklingHead());
  }

  /** @return how a synchronous call to the server failed, checked to be a timeout at the limit */
  private static TransportException synchronousCallTo(RawServer trickling) throws Exception {
    try (RawServer server = trickling;
         VodClient vod = VodTestServer.clientOf(server.port()).callTimeout(LIMIT).build()) {
      long start = System.nanoTime();
      TransportException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(TransportException.class,
          () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
      assertTimedOut(e, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      return e;
    }
  }

  @Test
  void aTricklingBodyEndsAnAsynchronousAttemptAtTheLimit() throws Exception {
    try (RawServer server = tricklingBody();
         VodClient vod = VodTestServer.clientOf(server.port()).callTimeout(LIMIT).build()) {
      long start = System.nanoTime();
      ExecutionException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get()));
      assertTrue(e.getCause() instanceof TransportException, e.getCause().toString());
      assertTimedOut((TransportException) e.getCause(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  /**
   * OkHttp's call timeout starts when its dispatcher runs the call, and only its callback ends an
   * asynchronous attempt: a call it never runs, or whose callback it drops (OkHttp 3 with a caller's
   * interceptor that throws), must still end, by the SDK's own limit on the attempt.
   */
  @Test
  void anAsynchronousAttemptEndsAtTheLimitWhenOkHttpNeverCallsBack() throws Exception {
    AtomicInteger dropped = new AtomicInteger();
    ExecutorService dropping = new AbstractExecutorService() {
      @Override
      public void execute(Runnable command) {
        dropped.incrementAndGet();
      }

      @Override
      public void shutdown() {
      }

      @Override
      public List<Runnable> shutdownNow() {
        return Collections.emptyList();
      }

      @Override
      public boolean isShutdown() {
        return false;
      }

      @Override
      public boolean isTerminated() {
        return false;
      }

      @Override
      public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
      }
    };
    OkHttpClient neverRuns = new OkHttpClient.Builder().dispatcher(new Dispatcher(dropping)).build();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port()).httpClient(neverRuns).callTimeout(LIMIT)
             .retryPolicy(RetryPolicy.none()).build()) {
      long start = System.nanoTime();
      ExecutionException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get()));
      assertTrue(e.getCause() instanceof TransportException, e.getCause().toString());
      assertTimedOut((TransportException) e.getCause(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      assertEquals(1, dropped.get());
      assertEquals(0, server.requests());
    }
  }

  @Test
  void everyAttemptOfAFewConcurrentCallsEndsAtTheLimit() throws Exception {
    try (RawServer server = tricklingBody();
         VodClient vod = VodTestServer.clientOf(server.port()).callTimeout(LIMIT).build()) {
      Thread[] threads = new Thread[4];
      TransportException[] failures = new TransportException[threads.length];
      for (int i = 0; i < threads.length; i++) {
        int index = i;
        threads[i] = new Thread(() -> failures[index] = assertThrows(TransportException.class,
            () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
        // staggered, so that the attempts' deadlines differ and the watchdog looks more than once
        threads[i].start();
        Thread.sleep(150);
      }
      assertTimeoutPreemptively(WATCHDOG, () -> {
        for (Thread thread : threads) {
          thread.join();
        }
      });
      for (TransportException failure : failures) {
        assertTrue(failure != null && failure.getCause() instanceof InterruptedIOException, String.valueOf(failure));
      }
    }
  }

  /** The SDK's own client and a caller's client without a call timeout: the SDK keeps the limit. */
  @Test
  void theLimitIsTheSdksUnlessTheCallersClientHasOne() {
    OkHttpClient withoutLimit = new OkHttpClient();
    OkHttpClient withLimit = new OkHttpClient.Builder().callTimeout(7, TimeUnit.SECONDS).build();
    try (VodClient own = VodTestServer.clientOf(9).build();
         VodClient callers = VodTestServer.clientOf(9).httpClient(withoutLimit).build();
         VodClient theirs = VodTestServer.clientOf(9).httpClient(withLimit).build();
         VodClient overridden = VodTestServer.clientOf(9).httpClient(withLimit).callTimeout(Duration.ofSeconds(2)).build()) {
      assertLimits(own, TimeUnit.SECONDS.toNanos(60), 0);
      assertLimits(callers, TimeUnit.SECONDS.toNanos(60), 0);
      assertLimits(theirs, 0, 7_000);
      assertLimits(overridden, TimeUnit.SECONDS.toNanos(2), 0);
    } finally {
      withoutLimit.dispatcher().executorService().shutdown();
      withLimit.dispatcher().executorService().shutdown();
    }
  }

  private static void assertLimits(VodClient vod, long sdkNanos, int okHttpMillis) {
    assertEquals(sdkNanos, VodTestServer.invokerOf(vod).config().attemptTimeoutNanos);
    assertEquals(okHttpMillis, VodTestServer.httpClientOf(vod).callTimeoutMillis());
  }
}
