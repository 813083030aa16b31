package io.github.tcvod.spi.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.CallOptions;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.RequestLimitExceededException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.waiter.WaiterFailureException;
import io.github.tcvod.waiter.WaiterOptions;
import io.github.tcvod.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The waiter engine on virtual time: polls, delays, outcomes, deadlines and cancellation. */
class WaiterEngineTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(10);

  /** A poll answer: status, error code and message. */
  static final class Answer {
    final String status;
    final Long code;
    final String message;

    Answer(String status, Long code, String message) {
      this.status = status;
      this.code = code;
      this.message = message;
    }

    String requestId() {
      return "rid-" + status;
    }
  }

  static final WaiterDefinition<Answer> TASK = WaiterDefinition.<Answer>builder("Task", "DescribeTask")
      .status(a -> a.status)
      .doneValues("FINISH")
      .failureValues("ABORTED")
      .errorCode(a -> a.code, "0")
      .errorMessage(a -> a.message)
      .requestId(Answer::requestId)
      .timing(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60))
      .build();

  static Answer running(String status) {
    return new Answer(status, 0L, "");
  }

  /** Answers in turn, then repeats the last; records the options of every poll. */
  static final class Script implements Function<CallOptions, Answer> {
    final List<Object> answers;
    final List<CallOptions> polls = new ArrayList<>();
    Iterator<Object> next;
    Object last;

    Script(Object... answers) {
      this.answers = Arrays.asList(answers);
      this.next = this.answers.iterator();
    }

    @Override
    public Answer apply(CallOptions options) {
      polls.add(options);
      if (next.hasNext()) {
        last = next.next();
      }
      if (last instanceof RuntimeException) {
        throw (RuntimeException) last;
      }
      return (Answer) last;
    }

    CompletableFuture<Answer> async(CallOptions options) {
      CompletableFuture<Answer> future = new CompletableFuture<>();
      try {
        future.complete(apply(options));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
      return future;
    }
  }

  static long seconds(double s) {
    return (long) (s * 1e9);
  }

  @Test
  void succeedsAfterNPollsWithDelaysDoublingToTheCap() {
    VirtualTime time = new VirtualTime();
    Answer done = new Answer("FINISH", 0L, "");
    Script script = new Script(running("WAITING"), running("PROCESSING"), running("PROCESSING"),
        running("PROCESSING"), running("PROCESSING"), done);
    Answer result = assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t-1", WaiterOptions.defaults(), script));
    assertSame(done, result);
    assertEquals(6, script.polls.size());
    assertEquals(Arrays.asList(seconds(1), seconds(2), seconds(4), seconds(8), seconds(8)), time.delays());
  }

  @Test
  void jitterShortensEachDelayByUpToHalf() {
    VirtualTime time = new VirtualTime();
    Script script = new Script(running("WAITING"), running("WAITING"), new Answer("FINISH", 0L, ""));
    new WaiterEngine(time, () -> 0.999).await(TASK, "t-1", WaiterOptions.defaults(), script);
    List<Long> delays = time.delays();
    assertEquals(2, delays.size());
    assertTrue(delays.get(0) > seconds(0.5) && delays.get(0) < seconds(0.51), "first delay " + delays.get(0));
    assertTrue(delays.get(1) > seconds(1) && delays.get(1) < seconds(1.01), "second delay " + delays.get(1));
  }

  @Test
  void aNonZeroErrorCodeAtTheEndThrowsTheFailureWithIdCodeAndMessage() {
    Answer failed = new Answer("FINISH", 70000L, "source image unreadable");
    Script script = new Script(running("PROCESSING"), failed);
    WaiterFailureException e = assertThrows(WaiterFailureException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-9", WaiterOptions.defaults(), script));
    assertEquals("t-9", e.taskId());
    assertEquals("70000", e.errorCode());
    assertEquals("source image unreadable", e.errorMessage());
    assertEquals("DescribeTask", e.action());
    assertEquals("rid-FINISH", e.requestId());
    assertSame(failed, e.lastState(Answer.class));
    assertEquals(2, script.polls.size());
  }

  @Test
  void aFailureStatusEndsTheWaitWhateverTheCode() {
    Script script = new Script(new Answer("ABORTED", null, "stopped"));
    WaiterFailureException e = assertThrows(WaiterFailureException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-2", WaiterOptions.defaults(), script));
    assertNull(e.errorCode());
    assertEquals("stopped", e.errorMessage());
  }

  @Test
  void aStillRunningTaskTimesOutWithTheLastStateWithinTheMaximumWait() {
    VirtualTime time = new VirtualTime();
    Answer last = running("PROCESSING");
    Script script = new Script(running("WAITING"), last);
    WaiterTimeoutException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(WaiterTimeoutException.class,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t-3", WaiterOptions.defaults().withMaxWait(Duration.ofSeconds(20)), script)));
    // polls at 0, 1, 3, 7, 15 s; the next would be at 23 s, past the 20 s maximum.
    assertEquals(5, script.polls.size());
    assertEquals(5, e.polls());
    assertSame(last, e.lastState());
    assertEquals("PROCESSING", e.lastStatus());
    assertEquals("t-3", e.resourceId());
    assertEquals(WaiterTimeoutException.CODE, e.errorCode());
    assertTrue(time.elapsed().compareTo(Duration.ofSeconds(20)) <= 0, "waited " + time.elapsed());
    assertTrue(time.elapsed().compareTo(Duration.ofSeconds(15)) >= 0, "waited " + time.elapsed());
    assertTrue(e.getMessage().contains("PROCESSING"), e.getMessage());
  }

  @Test
  void throttlingInTheMiddleMeansPollAgain() {
    VirtualTime time = new VirtualTime();
    RequestLimitExceededException throttled = new RequestLimitExceededException(
        ErrorDetails.of("RequestLimitExceeded", "slow down", "rid", 200, "DescribeTask"));
    Answer done = new Answer("FINISH", 0L, "");
    Script script = new Script(running("WAITING"), throttled, running("PROCESSING"), done);
    assertSame(done, new WaiterEngine(time, () -> 0.0).await(TASK, "t-4", WaiterOptions.defaults(), script));
    assertEquals(4, script.polls.size());
  }

  @Test
  void anErrorThatIsNotRetryableEndsTheWaitAtOnce() {
    ResourceNotFoundException gone = new ResourceNotFoundException(
        ErrorDetails.of("ResourceNotFound", "no task", "rid", 200, "DescribeTask"));
    Script script = new Script(running("WAITING"), gone, running("FINISH"));
    VodException e = assertThrows(VodException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-5", WaiterOptions.defaults(), script));
    assertSame(gone, e);
    assertEquals(2, script.polls.size());
  }

  @Test
  void eachPollGetsTheTimeLeftAndTheCallDeadlineBoundsTheWait() {
    VirtualTime time = new VirtualTime();
    Script script = new Script(running("WAITING"));
    WaiterOptions options = WaiterOptions.defaults().withCallOptions(CallOptions.timeout(Duration.ofSeconds(5)));
    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t-6", options, script));
    // polls at 0, 1 and 3 s; the next would be at 7 s, past the 5 s deadline.
    assertEquals(3, e.polls());
    assertEquals(Duration.ofSeconds(5), script.polls.get(0).timeout());
    assertEquals(Duration.ofSeconds(4), script.polls.get(1).timeout());
    assertEquals(Duration.ofSeconds(2), script.polls.get(2).timeout());
  }

  @Test
  void aPollThatRunsOutOfTimeBecomesTheTimeoutWithTheLastState() {
    Answer last = running("PROCESSING");
    DeadlineExceededException late = new DeadlineExceededException(
        ErrorDetails.of(DeadlineExceededException.CODE, "late", null, 0, "DescribeTask"), null);
    Script script = new Script(last, late);
    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-7", WaiterOptions.defaults(), script));
    assertSame(last, e.lastState());
    assertSame(late, e.getCause());
  }

  @Test
  void aCapBelowTheFirstDelayIsRefusedNamingTheSetting() {
    WaiterOptions options = WaiterOptions.defaults().withFirstDelay(Duration.ofSeconds(5)).withMaxDelay(Duration.ofSeconds(2));
    Script script = new Script(running("WAITING"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-8", options, script));
    assertTrue(e.getMessage().contains("WaiterOptions.maxDelay"), e.getMessage());
    assertEquals(0, script.polls.size());
    assertThrows(IllegalArgumentException.class, () -> WaiterOptions.defaults().withMaxWait(Duration.ZERO));
  }

  @Test
  void asyncWaitSucceedsWithTheSameDelays() throws Exception {
    VirtualTime time = new VirtualTime();
    Answer done = new Answer("FINISH", 0L, "");
    Script script = new Script(running("WAITING"), running("PROCESSING"), done);
    CompletableFuture<Answer> future = new WaiterEngine(time, () -> 0.0).awaitAsync(TASK, "t-10", WaiterOptions.defaults(), script::async);
    assertSame(done, future.get(10, TimeUnit.SECONDS));
    assertEquals(3, script.polls.size());
    assertEquals(Arrays.asList(seconds(1), seconds(2)), time.delays());
  }

  @Test
  void asyncThrottlingThrownByThePollInsteadOfReturnedMeansPollAgainAsInTheBlockingWait() throws Exception {
    VirtualTime time = new VirtualTime();
    RequestLimitExceededException throttled = new RequestLimitExceededException(
        ErrorDetails.of("RequestLimitExceeded", "slow down", "rid", 200, "DescribeTask"));
    Answer done = new Answer("FINISH", 0L, "");
    Script script = new Script(running("WAITING"), throttled, done);
    // script::apply throws the throttling error from the poll function itself (a hand-written client).
    CompletableFuture<Answer> future = new WaiterEngine(time, () -> 0.0).awaitAsync(TASK, "t-12", WaiterOptions.defaults(),
        options -> CompletableFuture.completedFuture(script.apply(options)));
    assertSame(done, future.get(10, TimeUnit.SECONDS));
    assertEquals(3, script.polls.size());
  }

  @Test
  void asyncFailureCompletesExceptionallyWithTheTypedException() {
    Script script = new Script(new Answer("FINISH", 5L, "bad"));
    CompletableFuture<Answer> future = new WaiterEngine(new VirtualTime(), () -> 0.0)
        .awaitAsync(TASK, "t-11", WaiterOptions.defaults(), script::async);
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(WaiterFailureException.class, e.getCause());
    assertEquals("5", ((WaiterFailureException) e.getCause()).errorCode());
  }

  @Test
  void cancellingTheAsyncWaitStopsPolling() {
    VirtualTime time = new VirtualTime().holdScheduledTasks();
    Script script = new Script(running("WAITING"));
    CompletableFuture<Answer> future = new WaiterEngine(time, () -> 0.0).awaitAsync(TASK, "t-12", WaiterOptions.defaults(), script::async);
    assertEquals(1, script.polls.size());
    assertEquals(1, time.runScheduled());
    assertEquals(2, script.polls.size());
    assertEquals(1, time.pendingScheduled());
    assertTrue(future.cancel(true));
    assertEquals(0, time.pendingScheduled(), "the scheduled poll is cancelled");
    assertEquals(0, time.runScheduled());
    assertEquals(2, script.polls.size());
    assertThrows(CancellationException.class, future::join);
  }

  @Test
  void cancellingTheAsyncWaitCancelsThePollInFlight() {
    CompletableFuture<Answer> inFlight = new CompletableFuture<>();
    List<CallOptions> polls = new ArrayList<>();
    CompletableFuture<Answer> future = new WaiterEngine(new VirtualTime(), () -> 0.0).awaitAsync(TASK, "t-13",
        WaiterOptions.defaults(), options -> {
          polls.add(options);
          return inFlight;
        });
    future.cancel(true);
    assertTrue(inFlight.isCancelled());
    assertEquals(1, polls.size());
  }

  @Test
  void anErrorThrownByAScheduledPollCompletesTheAsyncWaitInsteadOfLeavingItPendingForever() throws Exception {
    // Runs each scheduled poll as a ScheduledThreadPoolExecutor does (WaiterTime.system()): inside a
    // FutureTask, which keeps what the task throws in its own future, where nobody looks.
    WaiterTime executorLike = new WaiterTime() {
      private long now;

      @Override
      public long nanoTime() {
        return now;
      }

      @Override
      public void sleep(long nanos) {
        now += nanos;
      }

      @Override
      public Future<?> schedule(Runnable task, long delayNanos) {
        now += delayNanos;
        FutureTask<Void> run = new FutureTask<>(task, null);
        run.run();
        return run;
      }
    };
    AssertionError broken = new AssertionError("a mocked client's poll");
    List<CallOptions> polls = new ArrayList<>();
    CompletableFuture<Answer> future = new WaiterEngine(executorLike, () -> 0.0).awaitAsync(TASK, "t-14",
        WaiterOptions.defaults(), options -> {
          polls.add(options);
          if (polls.size() == 2) {
            throw broken;
          }
          return CompletableFuture.completedFuture(running("WAITING"));
        });
    assertEquals(2, polls.size());
    assertTrue(future.isDone(), "the wait ended: no later poll or timeout would ever end it");
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(1, TimeUnit.SECONDS));
    assertSame(broken, e.getCause());
  }

  @Test
  void theTasksServerTextIsBoundedAndEscapedInTheWaitersExceptionsAsInEveryOther() {
    // The task's ErrCode, Message and Status went into the exception message as the server sent them:
    // any length, and control characters that forge log lines or drive a terminal.
    StringBuilder huge = new StringBuilder("\u001b[2J\r\nINFO forged line ");
    for (int i = 0; i < 100_000; i++) {
      huge.append('x');
    }
    Answer failed = new Answer("FINISH", 7L, huge.toString());
    WaiterFailureException failure = assertThrows(WaiterFailureException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-15", WaiterOptions.defaults(), new Script(failed)));
    assertSafe(failure.getMessage());
    assertSafe(failure.errorMessage());
    assertTrue(failure.errorMessage().startsWith("\\u001b[2J\\u000d\\u000aINFO forged line x"), failure.errorMessage());
    assertEquals("7", failure.errorCode());

    Answer stuck = new Answer("RUNNING\u001b[31m" + huge, 0L, "");
    WaiterTimeoutException timeout = assertThrows(WaiterTimeoutException.class,
        () -> new WaiterEngine(new VirtualTime(), () -> 0.0).await(TASK, "t-16", WaiterOptions.defaults(), new Script(stuck)));
    assertSafe(timeout.getMessage());
    assertSafe(timeout.lastStatus());
    assertSafe(timeout.requestId());
    assertSame(stuck, timeout.lastState(), "the last answer itself is kept as it came");
  }

  private static void assertSafe(String text) {
    assertTrue(text.length() < 2_000, "bounded: " + text.length() + " chars");
    for (char c : text.toCharArray()) {
      assertTrue(!Character.isISOControl(c), "a control character in: " + text.substring(0, Math.min(200, text.length())));
    }
  }
}
