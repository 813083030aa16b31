package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** close() ends every call at once and leaves no thread; no failure leaves a future pending or escapes untyped. */
class CloseAndFailureTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final byte[] UNAVAILABLE_FOR_A_WHILE = RawServer.http("503 Service Unavailable", "", "Retry-After: 10");

  @Test
  void closeFailsAnAsyncCallWaitingForItsBackoff() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(UNAVAILABLE_FOR_A_WHILE))) {
      VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build();
      CompletableFuture<DescribeProcessImageAsyncTemplatesResponse> future = vod.describeProcessImageAsyncTemplatesAsync(REQUEST);
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (server.requests() == 0) {
          Thread.sleep(5);
        }
      });
      Thread.sleep(200);
      assertFalse(future.isDone(), "waiting out the 10 s Retry-After");
      vod.close();
      ExecutionException e = assertTimeoutPreemptively(WATCHDOG,
          () -> assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS)));
      assertEquals("ClientError.Closed", ((VodException) e.getCause()).errorCode());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void closeEndsASyncCallWaitingForItsBackoff() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(UNAVAILABLE_FOR_A_WHILE))) {
      VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build();
      CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
        try {
          return vod.describeProcessImageAsyncTemplates(REQUEST);
        } catch (VodException e) {
          return e;
        }
      });
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (server.requests() == 0) {
          Thread.sleep(5);
        }
      });
      Thread.sleep(200);
      vod.close();
      Object outcome = assertTimeoutPreemptively(WATCHDOG, () -> call.get(5, TimeUnit.SECONDS));
      assertEquals("ClientError.Closed", ((VodException) outcome).errorCode());
    }
  }

  @Test
  void callsAfterCloseFailAtOnceAndStartNoThread() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)))) {
      VodClient vod = VodTestServer.clientOf(server.port()).build();
      vod.close();
      Set<Thread> threadsBefore = Hostile.sdkThreadObjects();
      VodClientException sync = assertThrows(VodClientException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertEquals("ClientError.Closed", sync.errorCode());
      CompletableFuture<DescribeProcessImageAsyncTemplatesResponse> async = vod.describeProcessImageAsyncTemplatesAsync(REQUEST);
      assertTrue(async.isCompletedExceptionally());
      ExecutionException e = assertThrows(ExecutionException.class, async::get);
      assertEquals("ClientError.Closed", ((VodException) e.getCause()).errorCode());
      assertEquals(0, server.requests());
      Set<Thread> started = Hostile.sdkThreadObjects();
      started.removeAll(threadsBefore);
      assertTrue(started.isEmpty(), "the closed client started no thread: " + started);
    }
  }

  @Test
  void noSdkThreadOutlivesCloseAfterSyncAndAsyncCalls() throws Exception {
    Set<String> before = Hostile.sdkThreads();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 2
        ? RawServer.http("503 Service Unavailable", "", "Retry-After: 1") : RawServer.http("200 OK", Hostile.OK)))) {
      VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).build();
      vod.describeProcessImageAsyncTemplates(REQUEST);
      vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS);
      assertTrue(Hostile.sdkThreads().stream().anyMatch(name -> name.startsWith("tcvod")), "the retry scheduler ran");
      vod.close();
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (!before.containsAll(Hostile.sdkThreads())) {
          Thread.sleep(20);
        }
      }, () -> "threads left: " + Hostile.sdkThreads());
    }
  }

  @Test
  void anErrorWhileSendingCompletesTheFuture() {
    AtomicInteger resolved = new AtomicInteger();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("503 Service Unavailable", "")));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryTest.FAST).credentialsProvider(() -> {
           if (resolved.incrementAndGet() > 1) {
             throw new OutOfMemoryError("simulated");
           }
           return io.github.tcvod.auth.Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY);
         }).build()) {
      ExecutionException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS)));
      assertEquals("ClientError.Unexpected", ((VodException) e.getCause()).errorCode());
      assertInstanceOf(OutOfMemoryError.class, e.getCause().getCause());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void providerReturningNullIsACredentialsFailureSyncAndAsync() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port()).credentialsProvider(() -> null).build()) {
      CredentialsException sync = assertThrows(CredentialsException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(sync.getMessage().contains("returned no credentials"), sync.getMessage());
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS));
      assertInstanceOf(CredentialsException.class, async.getCause());
      assertEquals(0, server.requests());
    }
  }

  /**
   * A space inside the id or token would break the Authorization or X-TC-Token header: refused,
   * without quoting the secret, before anything is sent; credentials that pass are checked once,
   * so new ones from the same provider are checked again whatever passed before.
   */
  @Test
  void credentialsUnfitForAHeaderAreRefusedEachTimeTheProviderHandsThemOut() throws Exception {
    io.github.tcvod.auth.Credentials good = io.github.tcvod.auth.Credentials.of(VodTestServer.SECRET_ID,
        VodTestServer.SECRET_KEY);
    io.github.tcvod.auth.Credentials[] handedOut = {good,
        io.github.tcvod.auth.Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "tok en-secret"),
        good, good,
        io.github.tcvod.auth.Credentials.of("AKID with-space", VodTestServer.SECRET_KEY), good};
    AtomicInteger next = new AtomicInteger();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port()).credentialsProvider(() -> handedOut[next.getAndIncrement()])
             .build()) {
      vod.describeProcessImageAsyncTemplates(REQUEST);
      CredentialsException token = assertThrows(CredentialsException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(token.getMessage().contains("session token") && token.getMessage().contains("index 3"), token.getMessage());
      assertFalse(token.getMessage().contains("secret"), token.getMessage());
      vod.describeProcessImageAsyncTemplates(REQUEST);
      vod.describeProcessImageAsyncTemplates(REQUEST);
      CredentialsException id = assertThrows(CredentialsException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(id.getMessage().contains("secret id") && id.getMessage().contains("index 4"), id.getMessage());
      vod.describeProcessImageAsyncTemplates(REQUEST);
      assertEquals(4, server.requests());
      assertEquals(6, next.get());
    }
  }

  @Test
  void interruptedBackoffRestoresTheInterruptFlag() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(UNAVAILABLE_FOR_A_WHILE));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults()).build()) {
      List<Object> seen = new ArrayList<>();
      Thread caller = new Thread(() -> {
        try {
          vod.describeProcessImageAsyncTemplates(REQUEST);
        } catch (VodException e) {
          seen.add(e.errorCode());
          seen.add(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (server.requests() == 0) {
          Thread.sleep(5);
        }
        Thread.sleep(200);
        caller.interrupt();
        caller.join();
      });
      assertEquals("ClientError.Interrupted", seen.get(0));
      assertEquals(true, seen.get(1), "the interrupt flag is set again");
    }
  }
}
