package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.CallContext;
import io.github.tcvod.CallListener;
import io.github.tcvod.RateLimit;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.internal.ActionInvoker;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events a {@link CallListener} receives, in order and with exact counts, for sync and async
 * calls alike. Time is a fake monotonic clock that only the recorded waits advance, so every
 * duration is exact.
 */
class CallListenerTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final String PROVIDER = TestProvider.class.getName();

  @RegisterExtension
  static WireMockExtension signed = VodTestServer.wireMockCheckingSignatures();

  /** A credentials provider with a name of its own, to show which one the event names. */
  static final class TestProvider implements CredentialsProvider {
    @Override
    public Credentials resolveCredentials() {
      return Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY);
    }
  }

  /** Writes each event as one line; durations as ISO-8601. */
  static final class Recorder implements CallListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<CallContext> contexts = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void callStarted(CallContext call) {
      contexts.add(call);
      events.add("callStarted " + call.action() + (call.async() ? " async" : ""));
    }

    @Override
    public void throttleWaited(CallContext call, Duration wait) {
      contexts.add(call);
      events.add("throttleWaited " + wait);
    }

    @Override
    public void credentialsResolved(CallContext call, String providerClass) {
      contexts.add(call);
      events.add("credentialsResolved " + (PROVIDER.equals(providerClass) ? "TestProvider" : providerClass));
    }

    @Override
    public void attemptStarted(CallContext call, int attempt) {
      contexts.add(call);
      events.add("attemptStarted " + attempt);
    }

    @Override
    public void attemptEnded(CallContext call, int attempt, int httpStatus, String errorCode, Duration duration) {
      contexts.add(call);
      events.add("attemptEnded " + attempt + " " + httpStatus + " " + errorCode + " " + duration);
    }

    @Override
    public void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
      contexts.add(call);
      events.add("retryScheduled " + attempt + " " + delay + " " + reason);
    }

    @Override
    public void clockSkewCorrected(CallContext call, Duration oldOffset, Duration newOffset) {
      contexts.add(call);
      events.add("clockSkewCorrected " + oldOffset + " " + newOffset);
    }

    @Override
    public void callEnded(CallContext call, Throwable failure, int attempts, Duration duration) {
      contexts.add(call);
      events.add("callEnded " + (failure == null ? "ok" : failure.getClass().getSimpleName()) + " " + attempts + " " + duration);
      ended.countDown();
    }

    /** @return whether every event came with the same context */
    boolean oneContext() {
      return contexts.stream().allMatch(c -> c == contexts.get(0));
    }
  }

  /** Fake monotonic time, advanced only by the client's waits. */
  private static AtomicLong fakeTime(VodClient vod) {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    ActionInvoker.Config config = Hostile.invokerOf(vod).config();
    config.nanoTime = now::get;
    config.sleeper = now::addAndGet;
    return now;
  }

  private static VodClient.Builder client(int port, CallListener... listeners) {
    VodClient.Builder builder = VodTestServer.clientOf(port).credentialsProvider(new TestProvider());
    for (CallListener listener : listeners) {
      builder.listener(listener);
    }
    return builder;
  }

  @Test
  void aSuccessfulCallHasOneAttempt() throws Exception {
    Recorder recorder = new Recorder();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = client(server.port(), recorder).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 200 null PT0S",
        "callEnded ok 1 PT0S"), recorder.events);
    assertTrue(recorder.oneContext());
    CallContext call = recorder.contexts.get(0);
    assertEquals("2018-07-17", call.apiVersion());
    assertEquals("vod", call.service());
  }

  @Test
  void aRetriedFailureReportsEachAttemptAndTheBackoff() throws Exception {
    Recorder recorder = new Recorder();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("503 Service Unavailable", "", "Retry-After: 3") : RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = client(server.port(), recorder).retryPolicy(RetryPolicy.defaults()).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 503 ClientError.HttpStatus PT0S",
        "retryScheduled 1 PT3S ClientError.HttpStatus",
        "credentialsResolved TestProvider",
        "attemptStarted 2",
        "attemptEnded 2 200 null PT0S",
        "callEnded ok 2 PT3S"), recorder.events);
  }

  @Test
  void aCallThatFailsForGoodReportsItsFailureOnce() throws Exception {
    Recorder recorder = new Recorder();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("503 Service Unavailable", "", "Retry-After: 1")));
         VodClient vod = client(server.port(), recorder).retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(HttpStatusException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST)));
    }
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 503 ClientError.HttpStatus PT0S",
        "retryScheduled 1 PT1S ClientError.HttpStatus",
        "credentialsResolved TestProvider",
        "attemptStarted 2",
        "attemptEnded 2 503 ClientError.HttpStatus PT0S",
        "callEnded HttpStatusException 2 PT1S"), recorder.events);
  }

  @Test
  void aThrottledCallReportsItsWaitForAToken() throws Exception {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    Recorder[] current = {first};
    CallListener delegate = new Forwarding(() -> current[0]);
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = client(server.port(), delegate).rateLimit(RateLimit.perSecond(2)).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      current[0] = second;
      assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    assertFalse(first.events.stream().anyMatch(e -> e.startsWith("throttleWaited")), "the first token is free: " + first.events);
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates",
        "throttleWaited PT0.5S",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 200 null PT0S",
        "callEnded ok 1 PT0.5S"), second.events);
  }

  @Test
  void aClockSkewCorrectionReportsOldAndNewOffset() {
    signed.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    Recorder recorder = new Recorder();
    Clock behind = Clock.fixed(VodTestServer.NOW.minus(Duration.ofMinutes(42)), ZoneOffset.UTC);
    try (VodClient vod = client(signed.getPort(), recorder).clock(behind).build()) {
      fakeTime(vod);
      assertEquals(4L, vod.describeProcessImageAsyncTemplates(REQUEST).totalCount());
    }
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 200 AuthFailure.SignatureExpire PT0S",
        "clockSkewCorrected PT0S PT42M",
        "credentialsResolved TestProvider",
        "attemptStarted 2",
        "attemptEnded 2 200 null PT0S",
        "callEnded ok 2 PT0S"), recorder.events);
  }

  @Test
  void anAsyncCallSendsTheSameEvents() throws Exception {
    Recorder recorder = new Recorder();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("503 Service Unavailable", "", "Retry-After: 0") : RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = client(server.port(), recorder).retryPolicy(RetryPolicy.defaults()).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> {
        vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get();
        assertTrue(recorder.ended.await(10, TimeUnit.SECONDS));
      });
    }
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates async",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 503 ClientError.HttpStatus PT0S",
        "retryScheduled 1 PT0S ClientError.HttpStatus",
        "credentialsResolved TestProvider",
        "attemptStarted 2",
        "attemptEnded 2 200 null PT0S",
        "callEnded ok 2 PT0S"), recorder.events);
    assertTrue(recorder.oneContext());
  }

  /**
   * A stage the caller adds to the future runs before the stages added earlier (they complete in
   * reverse order), so it finds the end reported only when the listeners hear it first.
   */
  @Test
  void anAsyncCallsEndIsReportedBeforeItsFutureCompletes() throws Exception {
    Recorder recorder = new Recorder();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("200 OK", Hostile.OK) : RawServer.http("400 Bad Request", "")));
         VodClient vod = client(server.port(), recorder).retryPolicy(RetryPolicy.none()).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> {
        List<String> seenOnSuccess = vod.describeProcessImageAsyncTemplatesAsync(REQUEST)
            .handle((value, failure) -> new ArrayList<>(recorder.events)).get();
        assertEquals("callEnded ok 1 PT0S", last(seenOnSuccess), "the events the completed future's stage saw");
        List<String> seenOnFailure = vod.describeProcessImageAsyncTemplatesAsync(REQUEST)
            .handle((value, failure) -> new ArrayList<>(recorder.events)).get();
        assertEquals("callEnded HttpStatusException 1 PT0S", last(seenOnFailure),
            "the events the failed future's stage saw");
      });
    }
  }

  private static String last(List<String> events) {
    return events.isEmpty() ? "(none)" : events.get(events.size() - 1);
  }

  @Test
  void aCancelledAsyncCallEndsItsOpenAttemptThenTheCall() throws Exception {
    Recorder recorder = new Recorder();
    CountDownLatch answered = new CountDownLatch(1);
    try (RawServer server = new RawServer((n, out) -> {
          try {
            answered.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
         VodClient vod = client(server.port(), recorder).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> {
        CompletableFuture<?> future = vod.describeProcessImageAsyncTemplatesAsync(REQUEST);
        while (server.requests() == 0) {
          Thread.sleep(5);
        }
        future.cancel(true);
        assertTrue(recorder.ended.await(10, TimeUnit.SECONDS));
        assertThrows(CancellationException.class, future::join);
      });
      answered.countDown();
    }
    Thread.sleep(50);
    assertEquals(Arrays.asList(
        "callStarted DescribeProcessImageAsyncTemplates async",
        "credentialsResolved TestProvider",
        "attemptStarted 1",
        "attemptEnded 1 0 CancellationException PT0S",
        "callEnded CancellationException 1 PT0S"), recorder.events, "nothing after the end of the call");
  }

  @Test
  void aThrowingListenerBreaksNoCallAndIsReportedOnce() throws Exception {
    CallListener throwing = new CallListener() {
      @Override
      public void callStarted(CallContext call) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void attemptStarted(CallContext call, int attempt) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void attemptEnded(CallContext call, int attempt, int httpStatus, String errorCode, Duration duration) {
        throw new AssertionError("an Error too");
      }

      @Override
      public void callEnded(CallContext call, Throwable failure, int attempts, Duration duration) {
        throw new IllegalStateException("boom");
      }
    };
    Recorder after = new Recorder();
    List<String> log = new CopyOnWriteArrayList<>();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = client(server.port(), throwing, after).requestLogger(log::add).build()) {
      fakeTime(vod);
      assertEquals(4L, vod.describeProcessImageAsyncTemplates(REQUEST).totalCount());
      assertEquals(4L, vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS).totalCount());
    }
    assertEquals(10, after.events.size(), "the next listener hears every event of both calls: " + after.events);
    List<String> reports = new ArrayList<>();
    for (String line : log) {
      if (line.startsWith("CallListener ")) {
        reports.add(line);
      }
    }
    assertEquals(1, reports.size(), log.toString());
    assertTrue(reports.get(0).contains(throwing.getClass().getName()) && reports.get(0).contains("IllegalStateException")
        && reports.get(0).contains("callStarted"), reports.get(0));
    assertFalse(reports.get(0).contains("boom"), "the exception's message is not repeated: " + reports.get(0));
  }

  @Test
  void theRequestLoggerWritesTheCallLevelLines() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("503 Service Unavailable", "", "Retry-After: 2") : RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = client(server.port()).retryPolicy(RetryPolicy.defaults()).rateLimit(RateLimit.perSecond(1))
             .requestLogger(log::add).build()) {
      fakeTime(vod);
      assertTimeoutPreemptively(WATCHDOG, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    List<String> callLines = new ArrayList<>();
    for (String line : log) {
      if (line.startsWith("~~ ")) {
        callLines.add(line);
      }
    }
    assertEquals(Arrays.asList(
        "~~ DescribeProcessImageAsyncTemplates: attempt 1 failed with ClientError.HttpStatus, retrying in 2000 ms"),
        callLines, "a 1/s bucket has refilled after the 2 s backoff, so no token wait: " + log);
  }

  @Test
  void aClientWithoutListenersCreatesNoEvents() {
    try (VodClient vod = VodTestServer.clientOf(1).build()) {
      assertNull(Hostile.invokerOf(vod).config().listeners, "no listener and no logger: the hot path skips every event");
    }
  }

  /** Forwards every event to the recorder of the moment. */
  private static final class Forwarding implements CallListener {
    private final java.util.function.Supplier<CallListener> target;

    Forwarding(java.util.function.Supplier<CallListener> target) {
      this.target = target;
    }

    @Override
    public void callStarted(CallContext call) {
      target.get().callStarted(call);
    }

    @Override
    public void throttleWaited(CallContext call, Duration wait) {
      target.get().throttleWaited(call, wait);
    }

    @Override
    public void credentialsResolved(CallContext call, String providerClass) {
      target.get().credentialsResolved(call, providerClass);
    }

    @Override
    public void attemptStarted(CallContext call, int attempt) {
      target.get().attemptStarted(call, attempt);
    }

    @Override
    public void attemptEnded(CallContext call, int attempt, int httpStatus, String errorCode, Duration duration) {
      target.get().attemptEnded(call, attempt, httpStatus, errorCode, duration);
    }

    @Override
    public void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
      target.get().retryScheduled(call, attempt, delay, reason);
    }

    @Override
    public void callEnded(CallContext call, Throwable failure, int attempts, Duration duration) {
      target.get().callEnded(call, failure, attempts, duration);
    }
  }
}
