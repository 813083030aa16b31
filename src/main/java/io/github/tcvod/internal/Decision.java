package io.github.tcvod.internal;

import io.github.tcvod.exception.VodException;

/**
 * What a call does after an attempt, as decided by {@link Exchange#decide(Attempt)}: end with a
 * value, end with a failure, or try again after a delay. The synchronous and asynchronous drivers
 * both act on it, so they cannot disagree about retries.
 */
final class Decision<T> {
  enum Kind { SUCCEED, FAIL, RETRY }

  final Kind kind;
  final T value;
  final VodException failure;
  /** Nanoseconds to wait before the next attempt (RETRY only). */
  final long delayNanos;
  /** Why the call is retried (RETRY only): the failure's code, or the clock-skew correction. */
  final String reason;

  private Decision(Kind kind, T value, VodException failure, long delayNanos, String reason) {
    this.kind = kind;
    this.value = value;
    this.failure = failure;
    this.delayNanos = delayNanos;
    this.reason = reason;
  }

  static <T> Decision<T> succeed(T value) {
    return new Decision<>(Kind.SUCCEED, value, null, 0, null);
  }

  static <T> Decision<T> fail(VodException failure) {
    return new Decision<>(Kind.FAIL, null, failure, 0, null);
  }

  static <T> Decision<T> retry(long delayNanos, String reason) {
    return new Decision<>(Kind.RETRY, null, null, delayNanos, reason);
  }
}
