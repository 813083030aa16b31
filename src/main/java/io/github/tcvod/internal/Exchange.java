package io.github.tcvod.internal;

import io.github.tcvod.RetryPolicy;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.http.SigningContext;
import io.github.tcvod.spi.ActionDescriptor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * The state of one call across its attempts: the serialized body, the deadline, the attempts made
 * and their failures, and {@link #decide(Attempt)}, the one place that decides whether and when
 * to try again. All time arithmetic saturates: no delay can wrap a deadline into the past.
 */
final class Exchange {
  /** Error code of a call failed because its client was closed. */
  static final String CLOSED = "ClientError.Closed";
  /** Error code of a clock-skew answer whose server time is too far off to adopt. */
  static final String CLOCK_SKEW = "ClientError.ClockSkew";
  /** Error code of a failure the SDK did not foresee (an Error in a callback). */
  static final String UNEXPECTED = "ClientError.Unexpected";
  /** The longest a call without a deadline waits for a rate-limit token. */
  static final long MAX_TOKEN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** Signed byte for byte as sent: OkHttp adds no charset to a body made from bytes. */
  private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  final ActionDescriptor action;
  private final ActionInvoker.Config config;
  private final byte[] payload;
  private final RetryPolicy policy;
  private final TokenBucket bucket;
  private final RetryBudget budget;
  private final BooleanSupplier clientClosed;
  private final long startNanos;
  /** Time (config.nanoTime) by which the call must end, or NO_DEADLINE. */
  private final long deadlineNanos;
  /** No retry starts after this. */
  private final long retryUntilNanos;
  /** The failed attempts' failures, made at the first: most calls succeed at once. */
  private List<VodException> failures;
  private int attempts;
  private int budgetDrawn;
  private boolean skewCorrected;
  private boolean tokenRefused;
  /** The credentials of the last signed attempt, or null. */
  private Credentials signedWith;
  /** The call's listener events, or null when the client has no listener. */
  private CallEvents events;
  /** The SDK's limit per attempt that this exchange's calls carry as their OkHttp call timeout, or 0. */
  private final long attemptLimitNanos;

  /**
   * @param attemptLimitNanos a limit per attempt to give each HTTP call as its call timeout (the
   *     asynchronous calls of a client whose limit the SDK enforces), or 0
   */
  Exchange(ActionInvoker.Config config, ActionDescriptor action, byte[] payload, RetryPolicy policy, Duration timeout,
      TokenBucket bucket, RetryBudget budget, BooleanSupplier clientClosed, long attemptLimitNanos) {
    this.config = config;
    this.action = action;
    this.payload = payload;
    this.policy = policy;
    this.bucket = bucket;
    this.budget = budget;
    this.clientClosed = clientClosed;
    this.attemptLimitNanos = attemptLimitNanos;
    this.startNanos = now();
    this.deadlineNanos = timeout == null ? NO_DEADLINE
        : Durations.saturatedAdd(startNanos, Durations.toNanosSaturated(timeout));
    long retryCap = Durations.saturatedAdd(startNanos, Durations.toNanosSaturated(policy.maxTotalTime()));
    this.retryUntilNanos = Math.min(retryCap, deadlineNanos);
  }

  /**
   * @return nanoseconds to wait for this attempt's rate-limit token
   * @throws DeadlineExceededException when the token comes after the deadline, or more than
   *     {@link #MAX_TOKEN_WAIT_NANOS} from now for a call without one
   */
  long reserveToken() {
    if (bucket == null) {
      return 0;
    }
    // The 60 s cap is for a call without a deadline; a deadline, however long, is the caller's bound.
    long wait = bucket.reserve(deadlineNanos == NO_DEADLINE ? MAX_TOKEN_WAIT_NANOS : remainingNanos());
    if (wait < 0) {
      throw deadlineExceeded("waiting for a rate-limit token of " + action.name() + " would take longer than "
          + (deadlineNanos == NO_DEADLINE ? "the longest wait allowed (60 s)" : "the call's deadline allows"), null);
    }
    if (wait > 0 && events != null) {
      events.throttleWaited(wait);
    }
    return wait;
  }

  /**
   * @return a new HTTP call of the next attempt, with fresh credentials and the deadline applied
   * @throws CredentialsException when the provider has no usable credentials
   */
  synchronized Call newCall() {
    attempts++;
    SigningContext body;
    if (action.unsigned()) {
      body = SigningContext.unsigned(action.service(), JSON, payload);
    } else {
      signedWith = credentials();
      body = new SigningContext(signedWith, action.service(), JSON, payload);
    }
    Request request = new Request.Builder().url(config.endpoint).headers(fixedHeaders()).post(body).build();
    Call call = config.http.newCall(request);
    if (deadlineNanos != NO_DEADLINE || attemptLimitNanos > 0) {
      // A call's own timeout replaces the client's: the shortest of the deadline and the limits applies.
      long limit = deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : Math.max(1, remainingNanos());
      if (attemptLimitNanos > 0) {
        limit = Math.min(limit, attemptLimitNanos);
      }
      int clientLimitMillis = config.http.callTimeoutMillis();
      if (clientLimitMillis > 0) {
        limit = Math.min(limit, TimeUnit.MILLISECONDS.toNanos(clientLimitMillis));
      }
      call.timeout().timeout(limit, TimeUnit.NANOSECONDS);
    }
    if (events != null) {
      events.attemptStarted();
    }
    return call;
  }

  /** What every request of the action carries, validated once per client and action. */
  private Headers fixedHeaders() {
    Headers headers = config.fixedHeaders.get(action);
    if (headers == null) {
      Headers.Builder builder = new Headers.Builder()
          .add("X-TC-Action", action.name())
          .add("X-TC-Version", action.version())
          .add("X-TC-RequestClient", SdkInfo.REQUEST_CLIENT);
      if (config.region != null) {
        builder.add("X-TC-Region", config.region);
      }
      if (config.language != null) {
        builder.add("X-TC-Language", config.language);
      }
      headers = builder.build();
      config.fixedHeaders.putIfAbsent(action, headers);
    }
    return headers;
  }

  private Credentials credentials() {
    Credentials credentials;
    try {
      credentials = config.credentials.resolveCredentials();
    } catch (VodException e) {
      throw e;
    } catch (RuntimeException e) {
      CredentialsException failure = new CredentialsException("the credentials provider "
          + config.credentials.getClass().getName() + " failed (" + e.getClass().getName() + ")");
      failure.addSuppressed(e);
      throw failure;
    }
    if (credentials == null) {
      throw new CredentialsException("the credentials provider " + config.credentials.getClass().getName()
          + " returned no credentials");
    }
    if (credentials != config.headerSafeCredentials) {
      // A provider hands out the same Credentials until they change: each is checked once, not per call.
      requireHeaderSafe("secret id", credentials.secretId());
      requireHeaderSafe("session token", credentials.sessionToken());
      config.headerSafeCredentials = credentials;
    }
    if (events != null) {
      events.credentialsResolved(config.credentials.getClass().getName());
    }
    return credentials;
  }

  /** A value OkHttp would refuse with a message quoting it (a secret) is refused here without quoting it. */
  private static void requireHeaderSafe(String what, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new CredentialsException("the " + what + " of the credentials contains a character not allowed in an"
            + " HTTP header (a control character, space or non-ASCII character at index " + i + ")");
      }
    }
  }

  /**
   * The one decision of a call after an attempt, for synchronous and asynchronous calls alike.
   *
   * @param attempt the attempt that just ended
   * @param <T> the response type
   * @return end with the value, end with a failure, or retry after a delay
   */
  synchronized <T> Decision<T> decide(Attempt<T> attempt) {
    if (events != null) {
      events.attemptEnded(attempt.failure);
    }
    if (attempt.failure == null) {
      budget.release(budgetDrawn);
      return Decision.succeed(attempt.value);
    }
    VodException failure = attempt.failure;
    if (failures == null) {
      failures = new ArrayList<>(2);
    }
    failures.add(failure);
    if (clientClosed.getAsBoolean()) {
      return Decision.fail(closed(failure));
    }
    if (!skewCorrected && attempt.serverDate != null && failure instanceof AuthFailureException
        && "AuthFailure.SignatureExpire".equals(failure.errorCode())) {
      skewCorrected = true;
      long oldOffset = config.clock.offsetMillis();
      if (!config.clock.correctTo(attempt.serverDate)) {
        return Decision.fail(clockTooFarOff(attempt.serverDate, failure));
      }
      if (events != null) {
        events.clockSkewCorrected(oldOffset, config.clock.offsetMillis());
      }
      return remainingNanos() > 0 ? Decision.retry(0, "clock skew corrected") : Decision.fail(giveUp(failure));
    }
    if (!tokenRefused && failure instanceof AuthFailureException && "AuthFailure.TokenFailure".equals(failure.errorCode())
        && signedWith != null && signedWith.sessionToken() != null) {
      // The protocol's rule: once, after refreshing the credentials. The service refused the request
      // before acting on it, so an action that may not be repeated is retried too, as for a skew.
      tokenRefused = true;
      if (!discardRefused(failure)) {
        return Decision.fail(giveUp(failure));
      }
      if (events != null) {
        events.retryScheduled(0, failure.errorCode());
      }
      return remainingNanos() > 0 ? Decision.retry(0, "session token refused") : Decision.fail(giveUp(failure));
    }
    if (!failure.isRetryable() || attempts >= policy.maxAttempts()
        || !(action.idempotent() || policy.retryNonIdempotent())) {
      return Decision.fail(giveUp(failure));
    }
    long delay = attempt.retryAfterMillis >= 0 ? TimeUnit.MILLISECONDS.toNanos(attempt.retryAfterMillis)
        : Durations.toNanosSaturated(policy.backoff(attempts, ThreadLocalRandom.current().nextDouble()));
    if (Durations.saturatedAdd(now(), delay) > retryUntilNanos) {
      // A wait past the deadline or the retry window (a huge Retry-After included) means: give up now.
      return Decision.fail(giveUp(failure));
    }
    int cost = isTimeout(failure) ? RetryBudget.TIMEOUT_RETRY_COST : RetryBudget.RETRY_COST;
    if (!budget.tryAcquire(cost)) {
      return Decision.fail(giveUp(failure));
    }
    budgetDrawn += cost;
    if (events != null) {
      events.retryScheduled(delay, failure.errorCode());
    }
    return Decision.retry(delay, failure.errorCode());
  }

  /** @return whether the credentials provider has others than those whose token the service refused */
  private boolean discardRefused(VodException failure) {
    try {
      return config.credentials.discard(signedWith);
    } catch (RuntimeException e) {
      // A provider's bug must not hide the service's answer.
      failure.addSuppressed(e);
      return false;
    }
  }

  /** @param events the listener events of this call, for a client with listeners */
  void observe(CallEvents events) {
    this.events = events;
  }

  /** @param failure null when the call succeeded, else what the caller receives */
  void ended(Throwable failure) {
    if (events != null) {
      events.callEnded(failure);
    }
  }

  private static boolean isTimeout(VodException failure) {
    return failure instanceof TransportException && failure.getCause() instanceof InterruptedIOException;
  }

  /**
   * @param last the last failure
   * @return the exception to throw: the last failure with the attempt count and the earlier
   *     failures attached, inside a {@link DeadlineExceededException} when the deadline passed
   */
  synchronized VodException giveUp(VodException last) {
    attachHistory(last);
    if (deadlineNanos != NO_DEADLINE && remainingNanos() <= 0) {
      DeadlineExceededException late = deadlineExceeded(action.name() + " did not complete within its deadline", last);
      ExceptionAccess.recordAttempts(late, attempts);
      return late;
    }
    return last;
  }

  private void attachHistory(VodException last) {
    ExceptionAccess.recordAttempts(last, Math.max(1, attempts));
    if (failures == null) {
      return;
    }
    for (VodException earlier : failures) {
      if (earlier != last) {
        last.addSuppressed(earlier);
      }
    }
  }

  private VodClientException clockTooFarOff(Instant serverDate, VodException failure) {
    attachHistory(failure);
    VodClientException error = new VodClientException(ErrorDetails.of(CLOCK_SKEW, "the service says the request's"
        + " time is off, but its Date " + serverDate + " is more than " + SkewAdjustedClock.MAX_SKEW.toHours()
        + " h from the local clock " + config.clock.localInstant() + "; not adopted (check the system clock)",
        failure.requestId(), failure.httpStatus(), action.name()), failure);
    ExceptionAccess.recordAttempts(error, attempts);
    return error;
  }

  /**
   * @param cause the failure the closing caused, or null
   * @return the failure of a call whose client is closed
   */
  VodClientException closed(VodException cause) {
    VodClientException error = new VodClientException(ErrorDetails.of(CLOSED,
        "the client was closed before " + action.name() + " completed", null, 0, action.name()), cause);
    ExceptionAccess.recordAttempts(error, Math.max(1, attempts));
    return error;
  }

  TransportException transportFailure(IOException failure, int status) {
    IOException e = status != 0 && thrownByDecoder(failure) ? undecodable(failure) : failure;
    String what = status == 0 ? "the HTTP exchange failed"
        : e instanceof ProtocolException ? "the response is not valid HTTP" : "the response body was cut short";
    String detail = e.getMessage() == null ? "" : ": " + SafeText.of(e.getMessage(), 200);
    return new TransportException(ErrorDetails.of(TransportException.CODE,
        what + " (" + e.getClass().getSimpleName() + detail + ")", null, status, action.name()), sanitized(e));
  }

  /**
   * Whether Okio's gzip or deflate decoder itself refused the body (not gzip, a bad checksum, bytes
   * after the end), as opposed to passing on a failure of the connection beneath it (a body cut
   * short, a timeout): the same bytes again would fail the same way.
   */
  private static boolean thrownByDecoder(IOException e) {
    StackTraceElement[] stack = e.getStackTrace();
    if (stack.length == 0) {
      return false;
    }
    String thrower = stack[0].getClassName();
    return thrower.startsWith("okio.GzipSource") || thrower.startsWith("okio.InflaterSource");
  }

  /** A body its decoder refused, as a protocol violation: not retried. */
  private static IOException undecodable(IOException e) {
    ProtocolException violation = new ProtocolException("the body does not decode as its Content-Encoding says ("
        + SafeText.of(String.valueOf(e.getMessage()), 200) + ")");
    violation.initCause(e);
    return violation;
  }

  /** OkHttp quotes the bytes of a bad status line in its message: keep the type, escape the text. */
  private static IOException sanitized(IOException e) {
    if (!(e instanceof ProtocolException) || e.getMessage() == null
        || e.getMessage().equals(SafeText.of(e.getMessage(), 200))) {
      return e;
    }
    ProtocolException safe = new ProtocolException(SafeText.of(e.getMessage(), 200));
    safe.setStackTrace(e.getStackTrace());
    return safe;
  }

  VodClientException interrupted(Exception cause) {
    return new VodClientException(ErrorDetails.of("ClientError.Interrupted",
        action.name() + " was interrupted before it completed", null, 0, action.name()), cause);
  }

  /**
   * @param thrown what code inside an attempt threw (an interceptor, the signer, OkHttp itself)
   * @return what the call ends with: the SDK's own exception as it is, anything else as
   *     {@code ClientError.Unexpected} around it; never retried
   */
  VodException failureFrom(Throwable thrown) {
    return thrown instanceof VodException ? (VodException) thrown : unexpected(thrown);
  }

  VodClientException unexpected(Throwable cause) {
    return new VodClientException(ErrorDetails.of(UNEXPECTED, action.name() + " failed with an unexpected "
        + cause.getClass().getName(), null, 0, action.name()), cause);
  }

  private DeadlineExceededException deadlineExceeded(String message, VodException cause) {
    return new DeadlineExceededException(ErrorDetails.of(DeadlineExceededException.CODE, message,
        cause == null ? null : cause.requestId(), cause == null ? 0 : cause.httpStatus(), action.name()), cause);
  }

  private long now() {
    return config.nanoTime.getAsLong();
  }

  private long remainingNanos() {
    return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - now();
  }
}
