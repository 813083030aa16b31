package io.github.tcvod.spi.waiter;

import io.github.tcvod.internal.Durations;
import io.github.tcvod.internal.SafeText;
import io.github.tcvod.CallOptions;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.waiter.WaiterFailureException;
import io.github.tcvod.waiter.WaiterOptions;
import io.github.tcvod.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The one waiter engine: polls an action until its answer says the work is done, it failed, or
 * time runs out. Polls at once, then after growing delays (first delay, doubled up to the cap,
 * each shortened by a random part of up to half). A poll that fails with a retryable error
 * (throttling, internal error, transport) counts as "still running"; any other error ends the wait
 * with that error. Each poll gets the time left as its deadline.
 */
public final class WaiterEngine {
  private static final WaiterEngine SYSTEM =
      new WaiterEngine(WaiterTime.system(), () -> ThreadLocalRandom.current().nextDouble());

  private final WaiterTime time;
  private final DoubleSupplier random;

  /**
   * @param time the clock, sleep and scheduler
   * @param random values in [0, 1) for the jitter
   */
  public WaiterEngine(WaiterTime time, DoubleSupplier random) {
    this.time = time;
    this.random = random;
  }

  /** @return the engine on real time */
  public static WaiterEngine system() {
    return SYSTEM;
  }

  /**
   * Waits, blocking the calling thread.
   *
   * @param definition the waiter
   * @param id the id waited for, for exceptions
   * @param options the caller's options
   * @param poll makes one poll with the given options
   * @param <R> the poll's response
   * @return the answer that says the work succeeded
   * @throws WaiterFailureException when the work failed
   * @throws WaiterTimeoutException when time ran out
   * @throws VodException when a poll failed with an error that is not retryable
   */
  public <R> R await(WaiterDefinition<R> definition, String id, WaiterOptions options, Function<CallOptions, R> poll) {
    Run<R> run = new Run<>(definition, id, options);
    while (true) {
      long remaining = run.remaining();
      R answer;
      try {
        run.polls++;
        answer = poll.apply(run.pollOptions(remaining));
      } catch (VodException e) {
        run.failedPoll(e);
        run.sleepBeforeNextPoll();
        continue;
      }
      if (run.ended(answer)) {
        return answer;
      }
      run.sleepBeforeNextPoll();
    }
  }

  /**
   * Waits without blocking: polls with the asynchronous method, and waits between polls on the
   * scheduler. Cancelling the returned future stops the polling and cancels a poll in flight.
   *
   * @param definition the waiter
   * @param id the id waited for, for exceptions
   * @param options the caller's options
   * @param poll starts one poll with the given options
   * @param <R> the poll's response
   * @return a future of the answer that says the work succeeded, completed exceptionally with the
   *     exceptions {@link #await} throws
   */
  public <R> CompletableFuture<R> awaitAsync(WaiterDefinition<R> definition, String id, WaiterOptions options,
      Function<CallOptions, CompletableFuture<R>> poll) {
    CompletableFuture<R> result = new CompletableFuture<>();
    try {
      new AsyncRun<>(new Run<>(definition, id, options), poll, result).pollNow();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** The state of one wait. */
  private final class Run<R> {
    final WaiterDefinition<R> definition;
    final String id;
    final CallOptions callOptions;
    final long firstDelayNanos;
    final long maxDelayNanos;
    final long start;
    final long deadline;
    final Duration maxWait;
    int polls;
    int delays;
    R lastAnswer;
    VodException lastFailure;

    Run(WaiterDefinition<R> definition, String id, WaiterOptions options) {
      WaiterOptions chosen = options == null ? WaiterOptions.defaults() : options;
      this.definition = definition;
      this.id = id;
      this.callOptions = chosen.callOptions();
      Duration first = chosen.firstDelay() == null ? definition.firstDelay : chosen.firstDelay();
      Duration cap = chosen.maxDelay() == null ? definition.maxDelay : chosen.maxDelay();
      if (cap.compareTo(first) < 0) {
        throw new IllegalArgumentException("WaiterOptions.maxDelay (" + cap + ") must be at least the first delay (" + first + ")");
      }
      Duration wait = chosen.maxWait() == null ? definition.maxWait : chosen.maxWait();
      Duration callTimeout = callOptions.timeout();
      this.maxWait = callTimeout != null && callTimeout.compareTo(wait) < 0 ? callTimeout : wait;
      this.firstDelayNanos = first.toNanos();
      this.maxDelayNanos = cap.toNanos();
      this.start = time.nanoTime();
      this.deadline = Durations.saturatedAdd(start, Durations.toNanosSaturated(maxWait));
    }

    long remaining() {
      long left = deadline - time.nanoTime();
      if (left <= 0) {
        throw timeout();
      }
      return left;
    }

    CallOptions pollOptions(long remainingNanos) {
      return callOptions.withTimeout(Duration.ofNanos(remainingNanos));
    }

    /** Keeps a retryable failure as "still running"; throws anything else. */
    void failedPoll(Throwable failure) {
      Throwable cause = unwrap(failure);
      if (cause instanceof DeadlineExceededException) {
        lastFailure = (VodException) cause;
        throw timeout();
      }
      if (cause instanceof VodException && ((VodException) cause).isRetryable()) {
        lastFailure = (VodException) cause;
        return;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new CompletionException(cause);
    }

    /**
     * @return true when the answer says success; throws when it says failure; false when running
     */
    boolean ended(R answer) {
      lastAnswer = answer;
      lastFailure = null;
      switch (definition.outcome(answer)) {
        case SUCCESS:
          return true;
        case FAILURE:
          // The task's code and message are server text, bounded and escaped as in every other exception.
          throw new WaiterFailureException(ErrorDetails.of(SafeText.of(definition.errorCodeOf(answer), 128),
              SafeText.of(definition.errorMessageOf(answer)), requestIdOf(answer), 200, definition.pollAction),
              id, answer);
        default:
          return false;
      }
    }

    /** @return the next delay, or throws the timeout when the poll after it would start too late */
    long nextDelay() {
      long base = firstDelayNanos;
      for (int i = 0; i < delays && base < maxDelayNanos; i++) {
        base = base > maxDelayNanos / 2 ? maxDelayNanos : base * 2;
      }
      base = Math.min(base, maxDelayNanos);
      delays++;
      long delay = base - (long) (base / 2 * random.getAsDouble());
      if (time.nanoTime() + delay >= deadline) {
        throw timeout();
      }
      return delay;
    }

    void sleepBeforeNextPoll() {
      long delay = nextDelay();
      if (delay <= 0) {
        return;
      }
      try {
        time.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VodClientException(ErrorDetails.of("ClientError.Interrupted",
            "waiting for " + definition.name + " " + id + " was interrupted", null, 0, definition.pollAction), e);
      }
    }

    /** @return the answer's RequestId, server text made safe for a message */
    String requestIdOf(R answer) {
      return SafeText.of(definition.requestId.apply(answer), 128);
    }

    WaiterTimeoutException timeout() {
      String status = lastAnswer == null ? null : SafeText.of(definition.statusOf(lastAnswer), 128);
      String requestId = lastAnswer == null ? null : requestIdOf(lastAnswer);
      String message = definition.name + " " + id + " did not end within " + maxWait + " (" + polls + " polls, last status "
          + (status == null ? "unknown" : status) + ")";
      return new WaiterTimeoutException(ErrorDetails.of(WaiterTimeoutException.CODE, message, requestId, 0,
          definition.pollAction), id, lastAnswer, status, polls, lastFailure);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** One asynchronous wait: poll, then either complete or schedule the next poll. */
  private final class AsyncRun<R> {
    private final Run<R> run;
    private final Function<CallOptions, CompletableFuture<R>> poll;
    private final CompletableFuture<R> result;
    private volatile Future<?> pending;

    AsyncRun(Run<R> run, Function<CallOptions, CompletableFuture<R>> poll, CompletableFuture<R> result) {
      this.run = run;
      this.poll = poll;
      this.result = result;
      result.whenComplete((value, failure) -> {
        Future<?> current = pending;
        if (result.isCancelled() && current != null) {
          current.cancel(true);
        }
      });
    }

    void pollNow() {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<R> call;
      try {
        long remaining = run.remaining();
        run.polls++;
        call = poll.apply(run.pollOptions(remaining));
      } catch (RuntimeException e) {
        // A poll that throws instead of returning a failed future (a hand-written or mocked
        // client) is judged like one that fails: throttling and transient errors poll again.
        answered(null, e);
        return;
      } catch (Error e) {
        // Run by the scheduler, an Error would stay in the scheduler's own future, where nobody
        // looks, and no later poll or timeout would ever end the wait: it ends it, as in answered().
        result.completeExceptionally(e);
        return;
      }
      pending = call;
      if (result.isCancelled()) {
        call.cancel(true);
        return;
      }
      call.whenComplete(this::answered);
    }

    private void answered(R answer, Throwable failure) {
      if (result.isDone()) {
        return;
      }
      try {
        if (failure != null) {
          run.failedPoll(failure);
        } else if (run.ended(answer)) {
          result.complete(answer);
          return;
        }
        long delay = run.nextDelay();
        Future<?> next = time.schedule(this::pollNow, delay);
        pending = next;
        if (result.isCancelled()) {
          next.cancel(false);
        }
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }
  }
}
