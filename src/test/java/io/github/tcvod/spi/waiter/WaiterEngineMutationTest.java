package io.github.tcvod.spi.waiter;

import static io.github.tcvod.spi.waiter.WaiterEngineTest.TASK;
import static io.github.tcvod.spi.waiter.WaiterEngineTest.running;
import static io.github.tcvod.spi.waiter.WaiterEngineTest.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.RequestLimitExceededException;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.spi.waiter.WaiterEngineTest.Answer;
import io.github.tcvod.spi.waiter.WaiterEngineTest.Script;
import io.github.tcvod.waiter.WaiterOptions;
import io.github.tcvod.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Edges of the waiter engine the scenario tests leave open: exact deadlines, zero delays, failures of every shape. */
class WaiterEngineMutationTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(10);
  private static final Answer DONE = new Answer("FINISH", 0L, "");

  private static RequestLimitExceededException throttled() {
    return new RequestLimitExceededException(ErrorDetails.of("RequestLimitExceeded", "slow down", "rid-t", 200, "DescribeTask"));
  }

  private static WaiterOptions timing(long firstSeconds, long capSeconds, long maxWaitSeconds) {
    return WaiterOptions.defaults().withFirstDelay(Duration.ofSeconds(firstSeconds))
        .withMaxDelay(Duration.ofSeconds(capSeconds)).withMaxWait(Duration.ofSeconds(maxWaitSeconds));
  }

  @Test
  void aCapEqualToTheFirstDelayIsAcceptedAndKeepsTheDelayConstant() {
    VirtualTime time = new VirtualTime();
    Script script = new Script(running("PROCESSING"), running("PROCESSING"), running("PROCESSING"), DONE);
    assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t", timing(2, 2, 60), script));
    assertEquals(Arrays.asList(seconds(2), seconds(2), seconds(2)), time.delays());
  }

  @Test
  void noPollStartsAtTheDeadline() {
    // Polls at 0 s, 1 s and 2 s; the next would start at 3 s, exactly the deadline: the wait ends at 2 s without sleeping.
    VirtualTime time = new VirtualTime();
    Script script = new Script(running("PROCESSING"));
    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t", timing(1, 1, 3), script)));
    assertEquals(3, e.polls());
    assertEquals(Arrays.asList(seconds(1), seconds(1)), time.delays());
    assertEquals(Duration.ofSeconds(2), time.elapsed());
  }

  @Test
  void aSleepThatOvershootsToTheDeadlineEndsTheWaitWithoutAPollOfZeroTime() {
    AtomicLong now = new AtomicLong();
    WaiterTime oversleeping = new WaiterTime() {
      @Override
      public long nanoTime() {
        return now.get();
      }

      @Override
      public void sleep(long nanos) {
        now.addAndGet(seconds(3));
      }

      @Override
      public Future<?> schedule(Runnable task, long delayNanos) {
        throw new UnsupportedOperationException();
      }
    };
    Script script = new Script(running("PROCESSING"));
    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(oversleeping, () -> 0.0).await(TASK, "t", timing(1, 1, 3), script)));
    assertEquals(1, e.polls());
    assertEquals(1, script.polls.size());
  }

  @Test
  void zeroDelaysPollAgainWithoutSleeping() {
    VirtualTime time = new VirtualTime();
    Script script = new Script(running("PROCESSING"), running("PROCESSING"), DONE);
    assertSame(DONE, assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(time, () -> 0.5).await(TASK, "t", timing(0, 0, 60), script)));
    assertEquals(Collections.emptyList(), time.delays());
    assertEquals(3, script.polls.size());
  }

  @Test
  void aThrottledPollIsFollowedByTheUsualDelay() {
    VirtualTime time = new VirtualTime();
    Script script = new Script(throttled(), DONE);
    assertSame(DONE, assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t", timing(1, 8, 60), script)));
    assertEquals(Collections.singletonList(seconds(1)), time.delays());
  }

  @Test
  void aTimeoutBeforeAnyAnswerSaysTheStatusIsUnknownAndCarriesTheLastFailure() {
    VirtualTime time = new VirtualTime();
    RequestLimitExceededException throttled = throttled();
    Script script = new Script(throttled);
    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> assertTimeoutPreemptively(WATCHDOG,
        () -> new WaiterEngine(time, () -> 0.0).await(TASK, "t-9", timing(1, 1, 3), script)));
    assertNull(e.lastStatus());
    assertNull(e.lastState());
    assertNull(e.requestId());
    assertSame(throttled, e.getCause());
    assertEquals("Task t-9 did not end within PT3S (3 polls, last status unknown)", e.errorMessage());
  }

  @Test
  void anInterruptedSleepEndsTheWaitAndKeepsTheInterrupt() {
    WaiterTime interrupting = new WaiterTime() {
      @Override
      public long nanoTime() {
        return 0;
      }

      @Override
      public void sleep(long nanos) throws InterruptedException {
        throw new InterruptedException();
      }

      @Override
      public Future<?> schedule(Runnable task, long delayNanos) {
        throw new UnsupportedOperationException();
      }
    };
    Script script = new Script(running("PROCESSING"));
    try {
      VodClientException e = assertThrows(VodClientException.class,
          () -> new WaiterEngine(interrupting, () -> 0.0).await(TASK, "t-5", timing(1, 1, 60), script));
      assertEquals("ClientError.Interrupted", e.errorCode());
      assertTrue(e.errorMessage().contains("t-5"), e.errorMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void asyncPollsFailingWrappedInCompletionOrExecutionExceptionsAreStillRetryable() throws Exception {
    VirtualTime time = new VirtualTime();
    Deque<CompletableFuture<Answer>> answers = new ArrayDeque<>();
    CompletableFuture<Answer> wrappedInCompletion = new CompletableFuture<>();
    wrappedInCompletion.completeExceptionally(new CompletionException(throttled()));
    CompletableFuture<Answer> wrappedInExecution = new CompletableFuture<>();
    wrappedInExecution.completeExceptionally(new ExecutionException(throttled()));
    answers.add(wrappedInCompletion);
    answers.add(wrappedInExecution);
    answers.add(CompletableFuture.completedFuture(DONE));
    CompletableFuture<Answer> result = new WaiterEngine(time, () -> 0.0)
        .awaitAsync(TASK, "t", timing(1, 8, 60), options -> answers.removeFirst());
    assertSame(DONE, result.get(WATCHDOG.getSeconds(), TimeUnit.SECONDS));
    assertEquals(Arrays.asList(seconds(1), seconds(2)), time.delays());
  }

  @Test
  void anAsyncPollFailingWithAnErrorEndsTheWaitWithThatError() throws Exception {
    VirtualTime time = new VirtualTime();
    StackOverflowError error = new StackOverflowError("deep");
    CompletableFuture<Answer> failed = new CompletableFuture<>();
    failed.completeExceptionally(error);
    CompletableFuture<Answer> result = new WaiterEngine(time, () -> 0.0)
        .awaitAsync(TASK, "t", timing(1, 8, 60), options -> failed);
    Throwable raw = result.handle((answer, failure) -> failure).get(WATCHDOG.getSeconds(), TimeUnit.SECONDS);
    assertSame(error, raw);
  }

  @Test
  void anAsyncTimeoutCountsEveryPoll() throws Exception {
    VirtualTime time = new VirtualTime();
    Script script = new Script(running("PROCESSING"));
    CompletableFuture<Answer> result = new WaiterEngine(time, () -> 0.0)
        .awaitAsync(TASK, "t", timing(1, 1, 4), script::async);
    Throwable raw = result.handle((answer, failure) -> failure).get(WATCHDOG.getSeconds(), TimeUnit.SECONDS);
    WaiterTimeoutException e = assertInstanceOf(WaiterTimeoutException.class, raw);
    assertEquals(4, e.polls());
    assertEquals("PROCESSING", e.lastStatus());
  }

  @Test
  void theSystemEngineIsOneSharedInstance() {
    assertNotNull(WaiterEngine.system());
    assertSame(WaiterEngine.system(), WaiterEngine.system());
  }
}
