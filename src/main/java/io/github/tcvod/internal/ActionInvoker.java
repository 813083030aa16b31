package io.github.tcvod.internal;

import com.google.gson.Gson;
import io.github.tcvod.CallOptions;
import io.github.tcvod.RateLimit;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.InternalApi;
import io.github.tcvod.internal.http.ResponseReader;
import io.github.tcvod.spi.ActionDescriptor;
import io.github.tcvod.spi.ClientRuntime;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Runs actions for a generated client: per call it waits for a rate-limit token, sends signed
 * attempts, and repeats failed ones as the retry policy allows, synchronously on the caller's
 * thread or asynchronously on OkHttp's dispatcher. Knows nothing about any one action.
 */
@InternalApi
public final class ActionInvoker implements ClientRuntime {
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
  }

  private final Config config;
  private final Gson gson = Json.GSON;
  private final ResponseReader reader = new ResponseReader(gson);
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService scheduler;

  /** @param config the client's settings */
  public ActionInvoker(Config config) {
    this.config = config;
  }

  /**
   * @param action what the spec says about the action
   * @param request the request model
   * @param responseType the response model's class
   * @param options per-call options
   * @param <T> the response model
   * @return the response
   * @throws VodException when the call fails
   */
  @Override
  public <T> T invoke(ActionDescriptor action, Object request, Class<T> responseType, CallOptions options) {
    Exchange exchange = newExchange(action, request, options);
    while (true) {
      sleep(exchange, exchange.reserveToken());
      Attempt<T> attempt = executeOnce(exchange, responseType);
      if (attempt.failure == null) {
        return attempt.value;
      }
      long delay = exchange.nextDelayNanos(attempt);
      if (delay < 0) {
        throw exchange.giveUp(attempt.failure);
      }
      sleep(exchange, delay);
    }
  }

  /**
   * @param action what the spec says about the action
   * @param request the request model
   * @param responseType the response model's class
   * @param options per-call options
   * @param <T> the response model
   * @return a future of the response, completed on OkHttp's dispatcher threads; cancelling it
   *     cancels the HTTP call in flight
   */
  @Override
  public <T> CompletableFuture<T> invokeAsync(ActionDescriptor action, Object request, Class<T> responseType,
      CallOptions options) {
    CompletableFuture<T> future = new CompletableFuture<>();
    try {
      new AsyncRun<>(newExchange(action, request, options), responseType, future).start();
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  private Exchange newExchange(ActionDescriptor action, Object request, CallOptions options) {
    if (request == null) {
      throw new IllegalArgumentException(action.name() + ": request must not be null");
    }
    CallOptions callOptions = options == null ? CallOptions.none() : options;
    RetryPolicy policy = callOptions.retryPolicy() == null ? config.retryPolicy : callOptions.retryPolicy();
    double rate = config.rateLimit.rateFor(action.rateLimitPerSecond());
    TokenBucket bucket = rate <= 0 ? null
        : buckets.computeIfAbsent(action.name(), name -> new TokenBucket(rate, System::nanoTime));
    return new Exchange(config, action, gson.toJson(request), policy, callOptions.timeout(), bucket);
  }

  private <T> Attempt<T> executeOnce(Exchange exchange, Class<T> responseType) {
    Call call = exchange.newCall();
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      return Attempt.failed(exchange.transportFailure(e, 0), null);
    }
    return read(exchange, response, responseType);
  }

  private <T> Attempt<T> read(Exchange exchange, Response response, Class<T> responseType) {
    try (Response answer = response) {
      byte[] body;
      try {
        body = answer.body().bytes();
      } catch (IOException e) {
        return Attempt.failed(exchange.transportFailure(e, answer.code()), answer);
      }
      try {
        return Attempt.succeeded(reader.read(exchange.action.name(), answer.code(), body, responseType));
      } catch (VodException e) {
        return Attempt.failed(e, answer);
      }
    }
  }

  private static void sleep(Exchange exchange, long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw exchange.interrupted(e);
    }
  }

  private ScheduledExecutorService scheduler() {
    ScheduledExecutorService current = scheduler;
    if (current == null) {
      synchronized (this) {
        current = scheduler;
        if (current == null) {
          ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tcvod-retry-scheduler");
            thread.setDaemon(true);
            return thread;
          });
          executor.setRemoveOnCancelPolicy(true);
          scheduler = executor;
          current = executor;
        }
      }
    }
    return current;
  }

  /** @return the HTTP client in use, with the signing interceptor installed */
  public OkHttpClient httpClient() {
    return config.http;
  }

  /** @return the clock requests are stamped with, including the learned clock skew */
  public SkewAdjustedClock clock() {
    return config.clock;
  }

  @Override
  public void close() {
    ScheduledExecutorService current = scheduler;
    if (current != null) {
      current.shutdownNow();
    }
    if (config.ownsHttpClient) {
      config.http.dispatcher().executorService().shutdown();
      config.http.connectionPool().evictAll();
    }
  }

  /** One asynchronous call: attempts chained through OkHttp callbacks and scheduled delays. */
  private final class AsyncRun<T> implements Callback {
    private final Exchange exchange;
    private final Class<T> responseType;
    private final CompletableFuture<T> future;
    private volatile Call current;

    AsyncRun(Exchange exchange, Class<T> responseType, CompletableFuture<T> future) {
      this.exchange = exchange;
      this.responseType = responseType;
      this.future = future;
    }

    void start() {
      future.whenComplete((value, error) -> {
        Call call = current;
        if (future.isCancelled() && call != null) {
          call.cancel();
        }
      });
      acquireAndSend();
    }

    private void after(long delayNanos, Runnable step) {
      if (delayNanos <= 0) {
        step.run();
        return;
      }
      try {
        scheduler().schedule(step, delayNanos, TimeUnit.NANOSECONDS);
      } catch (RuntimeException e) {
        future.completeExceptionally(exchange.interrupted(e));
      }
    }

    private void acquireAndSend() {
      if (future.isDone()) {
        return;
      }
      try {
        after(exchange.reserveToken(), this::send);
      } catch (VodException e) {
        future.completeExceptionally(e);
      }
    }

    private void send() {
      if (future.isDone()) {
        return;
      }
      Call call;
      try {
        call = exchange.newCall();
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
        return;
      }
      current = call;
      if (future.isCancelled()) {
        call.cancel();
        return;
      }
      call.enqueue(this);
    }

    @Override
    public void onFailure(Call call, IOException e) {
      if (!future.isDone()) {
        handle(Attempt.failed(exchange.transportFailure(e, 0), null));
      }
    }

    @Override
    public void onResponse(Call call, Response response) {
      if (future.isDone()) {
        response.close();
        return;
      }
      Attempt<T> attempt = read(exchange, response, responseType);
      if (attempt.failure == null) {
        future.complete(attempt.value);
      } else {
        handle(attempt);
      }
    }

    private void handle(Attempt<T> attempt) {
      long delay = exchange.nextDelayNanos(attempt);
      if (delay < 0) {
        future.completeExceptionally(exchange.giveUp(attempt.failure));
      } else {
        after(delay, this::acquireAndSend);
      }
    }
  }
}
