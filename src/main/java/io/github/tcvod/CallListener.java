package io.github.tcvod;

import java.time.Duration;

/**
 * Observes the calls of a client action by action: the place for metrics, tracing and audit logs.
 * Register any number with {@code builder.listener(...)}; every method has an empty default, so a
 * listener overrides only what it needs. Synchronous and asynchronous calls send the same events,
 * in this order per call:
 *
 * <pre>
 * callStarted
 *   ( throttleWaited? credentialsResolved? attemptStarted attemptEnded (clockSkewCorrected | retryScheduled)? )+
 * callEnded
 * </pre>
 *
 * <p>{@code throttleWaited} comes only when the client-side rate limit makes the attempt wait,
 * {@code credentialsResolved} only for signed actions, and a call that fails before an attempt is
 * sent (no credentials, deadline already past, client closed) goes from {@code callStarted}
 * straight to {@code callEnded}. Every {@code attemptStarted} is followed by its
 * {@code attemptEnded}, also when cancellation or {@code close()} cuts the attempt short.
 *
 * <p>Events are delivered on the thread doing the work (the caller's for blocking methods, the HTTP
 * client's or the SDK's scheduler for asynchronous ones): implementations are thread-safe and
 * quick, and must not block. What a listener throws is caught: the call goes on, and the first
 * failure of each listener is reported once, through the client's {@link RequestLogger} when it
 * has one, else through {@code java.util.logging}. No event carries a secret or a body.
 */
public interface CallListener {
  /**
   * A call was accepted (its request passed validation) and is about to wait for its first attempt.
   *
   * @param call the call
   */
  default void callStarted(CallContext call) {
  }

  /**
   * The client-side rate limit ({@link RateLimit}) makes the next attempt wait for a token.
   *
   * @param call the call
   * @param wait how long the attempt waits before it is sent
   */
  default void throttleWaited(CallContext call, Duration wait) {
  }

  /**
   * The credentials of an attempt were obtained.
   *
   * @param call the call
   * @param providerClass the class name of the client's {@link io.github.tcvod.auth.CredentialsProvider}
   */
  default void credentialsResolved(CallContext call, String providerClass) {
  }

  /**
   * An attempt is about to be sent.
   *
   * @param call the call
   * @param attempt its number, from 1
   */
  default void attemptStarted(CallContext call, int attempt) {
  }

  /**
   * An attempt ended.
   *
   * @param call the call
   * @param attempt its number, from 1
   * @param httpStatus the answer's HTTP status, 0 when no answer arrived
   * @param errorCode null when the attempt succeeded, else the failure's error code (an API code
   *     such as {@code RequestLimitExceeded}, or a {@code ClientError.*} code)
   * @param duration from {@link #attemptStarted} to the end of reading the answer
   */
  default void attemptEnded(CallContext call, int attempt, int httpStatus, String errorCode, Duration duration) {
  }

  /**
   * The call will make another attempt after a failed one.
   *
   * @param call the call
   * @param attempt the number of the attempt that failed
   * @param delay the backoff before the next attempt (a rate-limit wait may follow)
   * @param reason the failed attempt's error code
   */
  default void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
  }

  /**
   * The service said the request's time was off ({@code AuthFailure.SignatureExpire}); the client
   * adopted the service's clock and re-sends the call at once.
   *
   * @param call the call
   * @param oldOffset the offset from the local clock used until now
   * @param newOffset the offset used from now on, by every call of the client
   */
  default void clockSkewCorrected(CallContext call, Duration oldOffset, Duration newOffset) {
  }

  /**
   * The call ended; exactly once per {@link #callStarted}. It comes before the call returns or
   * throws, and before an asynchronous call's future completes (except when the caller cancels the
   * future: then right after).
   *
   * @param call the call
   * @param failure null when the call succeeded; else what the caller receives: a
   *     {@link io.github.tcvod.exception.VodException}, or a
   *     {@link java.util.concurrent.CancellationException} when an asynchronous call was cancelled
   * @param attempts the attempts sent, 0 when none was
   * @param duration from {@link #callStarted} to now, waits and retries included
   */
  default void callEnded(CallContext call, Throwable failure, int attempts, Duration duration) {
  }
}
