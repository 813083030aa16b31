package io.github.tcvod.internal;

import io.github.tcvod.RetryPolicy;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.http.SigningContext;
import io.github.tcvod.spi.ActionDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * The state of one call across its attempts: the serialized body, the deadline, the attempts made
 * and their failures, and the decision whether and when to try again.
 */
final class Exchange {
  /** Signed byte for byte as sent: OkHttp adds no charset to a body made from bytes. */
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  final ActionDescriptor action;
  private final ActionInvoker.Config config;
  private final byte[] payload;
  private final RetryPolicy policy;
  private final TokenBucket bucket;
  private final long startNanos = System.nanoTime();
  /** System.nanoTime() by which the call must end, or NO_DEADLINE. */
  private final long deadlineNanos;
  /** No retry starts after this. */
  private final long retryUntilNanos;
  private final List<VodException> failures = new ArrayList<>(1);
  private int attempts;
  private boolean skewCorrected;

  Exchange(ActionInvoker.Config config, ActionDescriptor action, String json, RetryPolicy policy, Duration timeout,
      TokenBucket bucket) {
    this.config = config;
    this.action = action;
    this.payload = json.getBytes(StandardCharsets.UTF_8);
    this.policy = policy;
    this.bucket = bucket;
    this.deadlineNanos = timeout == null ? NO_DEADLINE : startNanos + timeout.toNanos();
    long retryCap = startNanos + policy.maxTotalTime().toNanos();
    this.retryUntilNanos = Math.min(retryCap, deadlineNanos);
  }

  /** @return nanoseconds to wait for this attempt's rate-limit token */
  long reserveToken() {
    if (bucket == null) {
      return 0;
    }
    long wait = bucket.reserve(remainingNanos());
    if (wait < 0) {
      throw deadlineExceeded("waiting for a rate-limit token of " + action.name() + " would pass the call's deadline", null);
    }
    return wait;
  }

  /** @return a new HTTP call of the next attempt, with fresh credentials and the deadline applied */
  synchronized Call newCall() {
    attempts++;
    SigningContext signing = action.unsigned() ? SigningContext.unsigned(action.service(), payload)
        : new SigningContext(config.credentials.resolveCredentials(), action.service(), payload);
    Request.Builder request = new Request.Builder()
        .url(config.endpoint)
        .post(io.github.tcvod.internal.http.OkHttpCompat.requestBody(JSON, payload))
        .header("X-TC-Action", action.name())
        .header("X-TC-Version", action.version())
        .header("X-TC-RequestClient", SdkInfo.REQUEST_CLIENT)
        .tag(SigningContext.class, signing);
    if (config.region != null) {
      request.header("X-TC-Region", config.region);
    }
    if (config.language != null) {
      request.header("X-TC-Language", config.language);
    }
    Call call = config.http.newCall(request.build());
    if (deadlineNanos != NO_DEADLINE) {
      long remaining = Math.max(1, remainingNanos());
      int clientLimitMillis = config.http.callTimeoutMillis();
      call.timeout().timeout(clientLimitMillis == 0 ? remaining
          : Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(clientLimitMillis)), TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /**
   * @param attempt a failed attempt
   * @return nanoseconds to wait before the next attempt, or -1 to give up
   */
  synchronized long nextDelayNanos(Attempt<?> attempt) {
    VodException failure = attempt.failure;
    failures.add(failure);
    if (!skewCorrected && attempt.serverDate != null && failure instanceof AuthFailureException
        && "AuthFailure.SignatureExpire".equals(failure.errorCode())) {
      skewCorrected = true;
      config.clock.correctTo(attempt.serverDate);
      return remainingNanos() > 0 ? 0 : -1;
    }
    if (!failure.isRetryable() || attempts >= policy.maxAttempts()
        || !(action.idempotent() || policy.retryNonIdempotent())) {
      return -1;
    }
    long delay = attempt.retryAfterMillis >= 0 ? TimeUnit.MILLISECONDS.toNanos(attempt.retryAfterMillis)
        : policy.backoff(attempts, ThreadLocalRandom.current().nextDouble()).toNanos();
    return System.nanoTime() + delay > retryUntilNanos ? -1 : delay;
  }

  /**
   * @param last the last failure
   * @return the exception to throw: the last failure with the attempt count and the earlier
   *     failures attached, inside a {@link DeadlineExceededException} when the deadline passed
   */
  synchronized VodException giveUp(VodException last) {
    ExceptionAccess.recordAttempts(last, attempts);
    for (VodException earlier : failures) {
      if (earlier != last) {
        last.addSuppressed(earlier);
      }
    }
    if (deadlineNanos != NO_DEADLINE && remainingNanos() <= 0) {
      DeadlineExceededException late = deadlineExceeded(action.name() + " did not complete within its deadline", last);
      ExceptionAccess.recordAttempts(late, attempts);
      return late;
    }
    return last;
  }

  TransportException transportFailure(IOException e, int status) {
    String what = status == 0 ? "the HTTP exchange failed" : "the response body was cut short";
    return new TransportException(ErrorDetails.of(TransportException.CODE,
        what + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
        null, status, action.name()), e);
  }

  VodClientException interrupted(Exception cause) {
    return new VodClientException(ErrorDetails.of("ClientError.Interrupted",
        action.name() + " was interrupted before it completed", null, 0, action.name()), cause);
  }

  private DeadlineExceededException deadlineExceeded(String message, VodException cause) {
    return new DeadlineExceededException(ErrorDetails.of(DeadlineExceededException.CODE, message,
        cause == null ? null : cause.requestId(), cause == null ? 0 : cause.httpStatus(), action.name()), cause);
  }

  private long remainingNanos() {
    return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }
}
