package io.github.tcvod.internal;

import com.google.gson.Gson;
import io.github.tcvod.CallOptions;
import io.github.tcvod.RateLimit;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.ResponseTooLargeException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.InternalApi;
import io.github.tcvod.internal.http.ResponseReader;
import io.github.tcvod.internal.http.SocketWatchdog;
import io.github.tcvod.internal.http.UncheckedCallException;
import io.github.tcvod.spi.ActionDescriptor;
import io.github.tcvod.spi.ClientRuntime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Runs actions for a generated client. A call is a small state machine: wait for a rate-limit
 * token, send a signed attempt, read the answer, then act on {@link Exchange#decide(Attempt)}:
 * end, or wait and go round again. The synchronous driver walks it on the caller's thread; the
 * asynchronous one walks the same steps through OkHttp callbacks and a scheduler. Knows nothing
 * about any one action.
 */
@InternalApi
public final class ActionInvoker implements ClientRuntime {
  /** Default limit of a response body, decompressed: far above the largest page the API returns. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
  /** How long the scheduler's thread outlives its last task (a wait, or a look at the attempts under way). */
  static final long SCHEDULER_IDLE_SECONDS = 5;

  /** Waits between steps of a synchronous call; tests replace it to observe the delays. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * @param nanos how long to wait, positive
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(long nanos) throws InterruptedException;
  }

  /** What a client builder hands over. */
  public static final class Config {
    /** HTTP client with the signing interceptor installed. */
    public OkHttpClient http;
    /** Whether {@link #close()} shuts the HTTP client's threads and connections down. */
    public boolean ownsHttpClient;
    /** Endpoint URL, path {@code /}. */
    public HttpUrl endpoint;
    /** X-TC-Region, or null. */
    public String region;
    /** X-TC-Language, or null. */
    public String language;
    /** Credentials of each attempt. */
    public CredentialsProvider credentials;
    /** The clock the signing interceptor stamps requests with. */
    public SkewAdjustedClock clock;
    /** Retry policy of calls without their own. */
    public RetryPolicy retryPolicy = RetryPolicy.defaults();
    /** Client-side rate limit. */
    public RateLimit rateLimit = RateLimit.fromSpec();
    /**
     * The longest a synchronous attempt may take, ended by the SDK's {@link AttemptWatchdog}; 0 when
     * the HTTP client's own call timeout is the limit. Asynchronous attempts get it as their OkHttp
     * call timeout, which runs from when the dispatcher starts them.
     */
    public long attemptTimeoutNanos;
    /** Ends socket reads and writes past their timeouts on the SDK's own HTTP client; null on a caller's. */
    public SocketWatchdog sockets;
    /** The largest response body read, decompressed, in bytes. */
    public long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    /** Monotonic time of deadlines and backoff. */
    public LongSupplier nanoTime = System::nanoTime;
    /** Waits of synchronous calls, or null to wait in a way {@link #close()} cuts short. */
    public Sleeper sleeper;
    /** The client's call listeners, or null when it has none (then calls create no events). */
    public CallListeners listeners;
    /** The headers each action's requests start from, built on first use. */
    final ConcurrentHashMap<ActionDescriptor, Headers> fixedHeaders = new ConcurrentHashMap<>();
    /** The last credentials found fit for HTTP headers (Credentials are immutable). */
    volatile Credentials headerSafeCredentials;
  }

  private final Config config;
  private final Gson gson = Json.GSON;
  private final ResponseReader reader = new ResponseReader(gson);
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final RetryBudget retryBudget = new RetryBudget();
  /** Calls under way, so that close() can end each of them. */
  private final RunningCalls<Run> running = new RunningCalls<>();
  private final CountDownLatch closedSignal = new CountDownLatch(1);
  private volatile boolean closed;
  private final BooleanSupplier isClosed = () -> closed;
  private ScheduledExecutorService scheduler;
  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<AsyncRun> ENDING =
      AtomicIntegerFieldUpdater.newUpdater(AsyncRun.class, "ending");
  /** Ends synchronous attempts past {@link Config#attemptTimeoutNanos}, or null when the HTTP client's timeout does. */
  private final AttemptWatchdog watchdog;

  /** @param config the client's settings */
  public ActionInvoker(Config config) {
    this.config = config;
    this.watchdog = config.attemptTimeoutNanos <= 0 ? null
        : new AttemptWatchdog(config.attemptTimeoutNanos, running, this::schedule, System::nanoTime);
    if (config.sockets != null) {
      config.sockets.bind(this::schedule);
    }
  }

  /**
   * @param action what the spec says about the action
   * @param request the request model
   * @param responseType the response model's class
   * @param options per-call options
   * @param <T> the response model
   * @return the response
   * @throws VodException when the call fails, {@code ClientError.Closed} once the client is closed
   */
  @Override
  public <T> T invoke(ActionDescriptor action, Object request, Class<T> responseType, CallOptions options) {
    Exchange exchange = newExchange(action, request, options, false);
    try {
      T value = run(exchange, responseType);
      exchange.ended(null);
      return value;
    } catch (RuntimeException e) {
      exchange.ended(e);
      throw e;
    }
  }

  private <T> T run(Exchange exchange, Class<T> responseType) {
    SyncRun run = new SyncRun();
    int where = register(run, exchange);
    try {
      while (true) {
        pause(exchange, exchange.reserveToken());
        Attempt<T> attempt = attemptOnce(exchange, run, responseType);
        Decision<T> decision = exchange.decide(attempt);
        switch (decision.kind) {
          case SUCCEED:
            return decision.value;
          case FAIL:
            throw decision.failure;
          default:
            pause(exchange, decision.delayNanos);
        }
      }
    } finally {
      running.remove(run, where);
    }
  }

  /**
   * @param action what the spec says about the action
   * @param request the request model
   * @param responseType the response model's class
   * @param options per-call options
   * @param <T> the response model
   * @return a future of the response, completed on OkHttp's dispatcher threads; cancelling it
   *     cancels the HTTP call in flight; closing the client fails it with {@code ClientError.Closed}
   */
  @Override
  public <T> CompletableFuture<T> invokeAsync(ActionDescriptor action, Object request, Class<T> responseType,
      CallOptions options) {
    CompletableFuture<T> future = new CompletableFuture<>();
    try {
      Exchange exchange = newExchange(action, request, options, true);
      if (config.listeners != null) {
        // The ends that do not go through AsyncRun.finish: the caller's cancel, a refusal below.
        future.whenComplete((value, failure) -> exchange.ended(failure));
      }
      AsyncRun<T> run = new AsyncRun<>(exchange, responseType, future);
      run.where = register(run, exchange);
      run.start();
    } catch (VodException | IllegalArgumentException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  private Exchange newExchange(ActionDescriptor action, Object request, CallOptions options, boolean async) {
    if (request == null) {
      throw new IllegalArgumentException(action.name() + ": request must not be null");
    }
    CallOptions callOptions = options == null ? CallOptions.none() : options;
    RetryPolicy policy = callOptions.retryPolicy() == null ? config.retryPolicy : callOptions.retryPolicy();
    double rate = config.rateLimit.rateFor(action.rateLimitPerSecond());
    TokenBucket bucket = rate <= 0 ? null : buckets.get(action.name());
    if (rate > 0 && bucket == null) {
      bucket = buckets.computeIfAbsent(action.name(), name -> new TokenBucket(rate, config.nanoTime));
    }
    Exchange exchange = new Exchange(config, action, Json.toUtf8(gson, request), policy, callOptions.timeout(), bucket,
        retryBudget, isClosed, async ? config.attemptTimeoutNanos : 0);
    if (config.listeners != null) {
      exchange.observe(new CallEvents(config.listeners, action, async, config.nanoTime));
    }
    return exchange;
  }

  /**
   * Admits a call unless the client is closed; close() sees every admitted call.
   *
   * @return where the call is among those under way, for {@link RunningCalls#remove}
   */
  private int register(Run run, Exchange exchange) {
    int where = running.add(run);
    if (closed) {
      running.remove(run, where);
      throw exchange.closed(null);
    }
    return where;
  }

  private <T> Attempt<T> attemptOnce(Exchange exchange, SyncRun run, Class<T> responseType) {
    Call call = exchange.newCall();
    // Without a watchdog the deadline is never looked at.
    AttemptWatchdog.TimedAttempt attempt = new AttemptWatchdog.TimedAttempt(call,
        watchdog == null ? 0 : watchdog.deadlineFromNow());
    run.attempt = attempt;
    if (watchdog != null) {
      watchdog.watch(attempt.deadline);
    }
    try {
      if (closed) {
        call.cancel();
      }
      Response response;
      try {
        response = call.execute();
      } catch (UncheckedCallException e) {
        throw exchange.failureFrom(e.getCause());
      } catch (IOException e) {
        requireNotInterrupted(exchange, e);
        return Attempt.failed(exchange.transportFailure(attempt.reported(e), 0), null);
      } catch (RuntimeException e) {
        // Thrown before the SDK's interceptor (a caller's interceptor, OkHttp): not a transport failure, never retried.
        throw exchange.failureFrom(e);
      }
      return read(exchange, response, responseType, attempt);
    } finally {
      run.attempt = null;
    }
  }

  /**
   * Ends a synchronous call whose attempt failed on an interrupted thread as {@code ClientError.Interrupted}
   * (the interrupt kept), like an interrupted wait: Okio refuses to read or write on an interrupted
   * thread ({@code InterruptedIOException("interrupted")}), and on JDK 21+ interrupting a virtual
   * thread closes the socket it is blocked on ({@code SocketException: Closed by interrupt}). Either
   * was a retryable transport failure before, the first even counted as a timeout, and with no
   * retry left the caller got a retryable {@code ClientError.Transport} for its own interrupt.
   */
  private static void requireNotInterrupted(Exchange exchange, IOException failure) {
    if (Thread.currentThread().isInterrupted()) {
      throw exchange.interrupted(failure);
    }
  }

  /**
   * @param attempt the synchronous attempt, whose failure while reading may be the watchdog's doing;
   *     null for an asynchronous one
   */
  private <T> Attempt<T> read(Exchange exchange, Response answer, Class<T> responseType,
      AttemptWatchdog.TimedAttempt attempt) {
    try {
      BodyBuffer body = BodyBuffer.acquire();
      try {
        try {
          readBounded(exchange, answer, body);
        } catch (IOException e) {
          if (attempt != null) {
            requireNotInterrupted(exchange, e);
          }
          return Attempt.failed(exchange.transportFailure(attempt == null ? e : attempt.reported(e), answer.code()),
              answer);
        } catch (VodException e) {
          return Attempt.failed(e, answer);
        }
        try {
          return Attempt.succeeded(
              reader.read(exchange.action.name(), answer.code(), body.bytes(), body.length(), responseType));
        } catch (VodException e) {
          return Attempt.failed(e, answer);
        }
      } finally {
        body.release();
      }
    } finally {
      closeQuietly(answer, attempt == null ? null : attempt.call);
    }
  }

  /**
   * @param failure what OkHttp gave an asynchronous call's callback
   * @return the unchecked exception thrown inside the call: carried by an {@link UncheckedCallException}
   *     (from the SDK's signing interceptor on), or, thrown before it (by a caller's interceptor), in the
   *     {@code IOException("canceled due to ...")} OkHttp 4 and 5 hand an asynchronous call; else null
   */
  private static Throwable thrownInCall(IOException failure) {
    if (failure instanceof UncheckedCallException) {
      return failure.getCause();
    }
    Throwable[] suppressed = failure.getSuppressed();
    String message = failure.getMessage();
    return suppressed.length == 1 && message != null && message.startsWith("canceled due to ")
        && !(suppressed[0] instanceof IOException) ? suppressed[0] : null;
  }

  /**
   * Closes an answer. OkHttp's close throws what reading the rest of the body throws, such as the
   * {@code IllegalArgumentException} of a negative {@code Content-Length}; such an answer leaves its
   * connection in no state to serve another, so the call is cancelled, which closes it.
   *
   * @param call the answer's call, or null when its caller cancels it
   */
  private static void closeQuietly(Response answer, Call call) {
    try {
      answer.close();
    } catch (RuntimeException e) {
      if (call != null) {
        call.cancel();
      }
    }
  }

  /**
   * Reads the body as it arrives, decompressed, and stops at the limit: neither a declared length
   * nor a small compressed size says how large a body becomes.
   */
  private void readBounded(Exchange exchange, Response answer, BodyBuffer body) throws IOException {
    long limit = config.maxResponseBytes;
    long declared = answer.body().contentLength();
    if (declared < -1) {
      // OkHttp would ask Okio for a negative byte count, which fails with IllegalArgumentException.
      throw new ProtocolException("invalid Content-Length " + declared);
    }
    if (declared > limit) {
      throw tooLarge(exchange, answer, limit);
    }
    BufferedSource source = answer.body().source();
    if (!body.readAtMost(source, limit)) {
      throw tooLarge(exchange, answer, limit);
    }
  }

  private static ResponseTooLargeException tooLarge(Exchange exchange, Response answer, long limit) {
    return new ResponseTooLargeException(ErrorDetails.of(ResponseTooLargeException.CODE,
        "the response body is larger than the limit of " + limit + " bytes (maxResponseBodySize); reading stopped",
        null, answer.code(), exchange.action.name()));
  }

  /** Waits on the caller's thread; close() and interrupts end the wait, and the call, at once. */
  private void pause(Exchange exchange, long nanos) {
    if (nanos > 0) {
      try {
        if (config.sleeper != null) {
          config.sleeper.sleep(nanos);
        } else {
          closedSignal.await(nanos, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw exchange.interrupted(e);
      }
    }
    if (closed) {
      throw exchange.closed(null);
    }
  }

  /** Schedules a task on {@link #scheduler()}; false once the client is closed. */
  private boolean schedule(Runnable task, long delayNanos) {
    ScheduledExecutorService executor = scheduler();
    if (executor == null) {
      return false;
    }
    try {
      executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** @return the scheduler of asynchronous waits and of the attempt watchdog, or null once the client is closed */
  private synchronized ScheduledExecutorService scheduler() {
    if (closed) {
      return null;
    }
    if (scheduler == null) {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "tcvod-scheduler");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      // An idle client, closed or not, keeps no thread: the thread ends once nothing is scheduled.
      executor.setKeepAliveTime(SCHEDULER_IDLE_SECONDS, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      scheduler = executor;
    }
    return scheduler;
  }

  /** @return the HTTP client in use, with the signing interceptor installed */
  public OkHttpClient httpClient() {
    return config.http;
  }

  /** @return the clock requests are stamped with, including the learned clock skew */
  public SkewAdjustedClock clock() {
    return config.clock;
  }

  /** @return the client's settings, for tests that replace the time sources */
  public Config config() {
    return config;
  }

  /** @return the tokens left in the client-wide retry budget */
  public int retryBudgetAvailable() {
    return retryBudget.available();
  }

  /**
   * Fails every call under way and every later call with {@code ClientError.Closed}, stops the
   * scheduler thread and, when the client owns its HTTP client, its dispatcher and connections.
   */
  @Override
  public void close() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = scheduler;
    }
    closedSignal.countDown();
    for (Run run : running) {
      run.abort();
    }
    if (stopping != null) {
      stopping.shutdownNow();
      awaitTermination(stopping);
    }
    if (config.ownsHttpClient) {
      config.http.dispatcher().cancelAll();
      config.http.dispatcher().executorService().shutdown();
      config.http.connectionPool().evictAll();
    }
  }

  private static void awaitTermination(ScheduledExecutorService executor) {
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A call under way, as close() and the attempt watchdog see it. */
  private interface Run extends AttemptWatchdog.Watched {
    /** Ends the call with ClientError.Closed as soon as possible. */
    void abort();
  }

  private static final class SyncRun implements Run {
    /** The attempt under way, or null between attempts. */
    volatile AttemptWatchdog.TimedAttempt attempt;

    @Override
    public AttemptWatchdog.TimedAttempt timedAttempt() {
      return attempt;
    }

    @Override
    public void abort() {
      AttemptWatchdog.TimedAttempt current = attempt;
      if (current != null) {
        current.call.cancel();
      }
    }
  }

  /**
   * How much later than OkHttp's call timeout the SDK ends an asynchronous attempt itself: OkHttp's
   * timeout starts when its dispatcher runs the call, and normally comes first.
   */
  static final long ASYNC_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** An asynchronous attempt: its call, its deadline, and whether its end has been taken in hand. */
  private static final class AsyncAttempt {
    final Call call;
    final long deadline;
    private final AtomicBoolean settled = new AtomicBoolean();

    AsyncAttempt(Call call, long deadline) {
      this.call = call;
      this.deadline = deadline;
    }

    /** @return true for the one caller, OkHttp's callback or the watchdog, that ends the attempt */
    boolean claim() {
      return settled.compareAndSet(false, true);
    }

    boolean settled() {
      return settled.get();
    }
  }

  /**
   * One asynchronous call. Each step runs on an OkHttp or scheduler thread; the future is
   * completed exactly once, by the step that ends the call, by close(), or by an unexpected
   * Throwable in any step.
   */
  private final class AsyncRun<T> implements Callback, Run {
    private final Exchange exchange;
    private final Class<T> responseType;
    private final CompletableFuture<T> future;
    /** The attempt under way (its call, the one to cancel), from when its call is made. */
    private volatile AsyncAttempt attempt;
    private volatile ScheduledFuture<?> pending;
    /** 1 once a step, or close(), ends the call; see {@link #finish}. Not private: {@link #ENDING} sets it. */
    volatile int ending;
    /** Where the call is among those under way; set before {@link #start()}, which publishes it. */
    int where;

    AsyncRun(Exchange exchange, Class<T> responseType, CompletableFuture<T> future) {
      this.exchange = exchange;
      this.responseType = responseType;
      this.future = future;
    }

    /** None: an asynchronous attempt's limit is OkHttp's call timeout, and the SDK's in {@link #deadline()}. */
    @Override
    public AttemptWatchdog.TimedAttempt timedAttempt() {
      return null;
    }

    /**
     * The SDK's own limit on the attempt under way, a little after OkHttp's would end it: the end
     * of an attempt whose callback OkHttp never makes (its dispatcher never ran the call, or OkHttp 3
     * dropped what a caller's interceptor threw).
     */
    @Override
    public long deadline() {
      AsyncAttempt current = attempt;
      return current == null || current.settled() ? DeadlineSweeper.NONE : current.deadline;
    }

    /** Ends the attempt as OkHttp's call timeout would, unless its callback came first. */
    @Override
    public void expire(long deadline) {
      AsyncAttempt expired = attempt;
      if (expired != null && expired.deadline == deadline && expired.claim()) {
        expired.call.cancel();
        step(() -> settle(Attempt.failed(exchange.transportFailure(new InterruptedIOException("timeout"), 0), null)));
      }
    }

    /** @return whether the callback of {@code call} settles the attempt: it is the current one's, and first */
    private boolean claimedBy(Call call) {
      AsyncAttempt current = attempt;
      return current != null && current.call == call && current.claim();
    }

    void start() {
      future.whenComplete((value, error) -> {
        running.remove(this, where);
        AsyncAttempt current = attempt;
        if (future.isCancelled() && current != null) {
          current.call.cancel();
        }
        ScheduledFuture<?> wait = pending;
        if (wait != null) {
          wait.cancel(false);
        }
      });
      step(this::acquireToken);
    }

    /** Runs a step; whatever it throws ends the call instead of leaving the future pending. */
    private void step(Runnable step) {
      if (future.isDone()) {
        return;
      }
      try {
        step.run();
      } catch (VodException e) {
        finish(null, e);
      } catch (Throwable e) {
        finish(null, exchange.unexpected(e));
      }
    }

    /**
     * Ends the call, once, whoever gets here first: the listeners hear of the end before the
     * future completes, so that whatever waits for the future finds the end reported (a dependent
     * stage of the caller's runs before the future's earlier ones).
     */
    private void finish(T value, Throwable failure) {
      if (!ENDING.compareAndSet(this, 0, 1)) {
        return;
      }
      try {
        exchange.ended(failure);
      } finally {
        if (failure == null) {
          future.complete(value);
        } else {
          future.completeExceptionally(failure);
        }
      }
    }

    private void after(long delayNanos, Runnable next) {
      if (delayNanos <= 0) {
        next.run();
        return;
      }
      ScheduledExecutorService executor = scheduler();
      if (executor == null) {
        throw exchange.closed(null);
      }
      try {
        pending = executor.schedule(() -> step(next), delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        throw exchange.closed(null);
      }
    }

    private void acquireToken() {
      after(exchange.reserveToken(), () -> step(this::send));
    }

    private void send() {
      Call call = exchange.newCall();
      AsyncAttempt started = new AsyncAttempt(call,
          watchdog == null ? DeadlineSweeper.NONE : Durations.saturatedAdd(watchdog.deadlineFromNow(), ASYNC_GRACE_NANOS));
      attempt = started;
      if (future.isDone()) {
        call.cancel();
        return;
      }
      if (watchdog != null) {
        watchdog.watch(started.deadline);
      }
      call.enqueue(this);
    }

    @Override
    public void onFailure(Call call, IOException e) {
      if (!claimedBy(call)) {
        return;
      }
      Throwable thrown = thrownInCall(e);
      if (thrown != null) {
        // What a synchronous attempt throws from execute(): the same failure, not a transport one.
        step(() -> {
          throw exchange.failureFrom(thrown);
        });
        return;
      }
      step(() -> settle(Attempt.failed(exchange.transportFailure(e, 0), null)));
    }

    @Override
    public void onResponse(Call call, Response response) {
      if (!claimedBy(call)) {
        closeQuietly(response, call);
        return;
      }
      try {
        step(() -> settle(read(exchange, response, responseType, null)));
      } finally {
        // step() skips the read when close() or a cancel completed the future meanwhile.
        closeQuietly(response, call);
      }
    }

    private void settle(Attempt<T> attempt) {
      Decision<T> decision = exchange.decide(attempt);
      switch (decision.kind) {
        case SUCCEED:
          finish(decision.value, null);
          break;
        case FAIL:
          finish(null, decision.failure);
          break;
        default:
          after(decision.delayNanos, () -> step(this::acquireToken));
      }
    }

    @Override
    public void abort() {
      finish(null, exchange.closed(null));
      AsyncAttempt current = attempt;
      if (current != null) {
        current.call.cancel();
      }
    }
  }
}
