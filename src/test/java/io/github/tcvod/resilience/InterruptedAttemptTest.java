package io.github.tcvod.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tcvod.CallOptions;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.VodException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An attempt that fails because the calling thread was interrupted ends the call as
 * {@code ClientError.Interrupted}, not as a retryable transport failure: Okio refuses to read or
 * write on an interrupted thread ({@code InterruptedIOException("interrupted")}), and on JDK 21+ an
 * interrupt closes the socket a virtual thread is blocked on ({@code SocketException: Closed by interrupt}).
 */
class InterruptedAttemptTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final byte[] OK = RawServer.http("200 OK",
      "{\"Response\":{\"TotalCount\":0,\"ProcessImageAsyncTemplateSet\":[],\"RequestId\":\"r\"}}");

  @Test
  void aCallMadeOnAnInterruptedThreadEndsAsInterruptedNotAsARetryableTransportFailure() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(OK));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.none()).build()) {
      Thread.currentThread().interrupt();
      try {
        VodException e = assertThrows(VodException.class, () -> vod.describeProcessImageAsyncTemplates(Hostile.REQUEST));
        assertEquals("ClientError.Interrupted", e.errorCode(), e.toString());
        assertFalse(e.isRetryable(), "an interrupt is the caller's wish to stop, not a failure to retry");
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Test
  void aVirtualThreadInterruptedWhileWaitingForTheAnswerEndsAsInterrupted() throws Exception {
    Class<?> builderType;
    Object builder;
    try {
      builder = Thread.class.getMethod("ofVirtual").invoke(null);
      builderType = Class.forName("java.lang.Thread$Builder");
    } catch (NoSuchMethodException e) {
      assumeTrue(false, "virtual threads need JDK 21+");
      return;
    }
    try (RawServer server = new RawServer((n, out) -> {
          try {
            Thread.sleep(30_000);
          } catch (InterruptedException e) {
            // the test is over
          }
        });
         VodClient vod = VodTestServer.clientOf(server.port()).readTimeout(Duration.ofSeconds(15)).build()) {
      AtomicReference<Object> seen = new AtomicReference<>();
      Runnable call = () -> {
        try {
          vod.call("ProcessMedia", "{}", CallOptions.none());
        } catch (VodException e) {
          seen.set(e.errorCode() + " retryable=" + e.isRetryable() + " interrupted=" + Thread.currentThread().isInterrupted());
        }
      };
      Thread caller = (Thread) builderType.getMethod("start", Runnable.class).invoke(builder, call);
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (server.requests() == 0) {
          Thread.sleep(5);
        }
        Thread.sleep(200);
        caller.interrupt();
        caller.join();
      });
      assertEquals("ClientError.Interrupted retryable=false interrupted=true", seen.get());
    }
  }
}
