package io.github.tcvod.internal;

import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.http.NoResendInterceptor;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;

/** The outcome of one attempt: a value, or a failure with the answer's Retry-After and Date headers. */
final class Attempt<T> {
  /** Longer than any Retry-After worth honouring; keeps the arithmetic far from overflow. */
  private static final long RETRY_AFTER_CEILING_MILLIS = Durations.MAX_SETTING.toMillis() * 2;

  final T value;
  final VodException failure;
  /** Retry-After in milliseconds (at most about two days), or -1 when absent or unreadable. */
  final long retryAfterMillis;
  /** The answer's Date, or null when absent. */
  final Instant serverDate;

  private Attempt(T value, VodException failure, long retryAfterMillis, Instant serverDate) {
    this.value = value;
    this.failure = failure;
    this.retryAfterMillis = retryAfterMillis;
    this.serverDate = serverDate;
  }

  static <T> Attempt<T> succeeded(T value) {
    return new Attempt<>(value, null, -1, null);
  }

  static <T> Attempt<T> failed(VodException failure, Response answer) {
    if (answer == null) {
      return new Attempt<>(null, failure, -1, null);
    }
    Instant date = httpDate(answer.header("Date"));
    return new Attempt<>(null, failure, retryAfterMillis(NoResendInterceptor.retryAfter(answer), date), date);
  }

  /** Retry-After is either delay-seconds or an HTTP date; absurd values are clamped, never overflow. */
  static long retryAfterMillis(String value, Instant now) {
    if (value == null) {
      return -1;
    }
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More than 12 digits of seconds is beyond the ceiling anyway; no parse can overflow.
      long seconds = text.length() > 12 ? Long.MAX_VALUE / 1000 : Long.parseLong(text);
      return Math.min(RETRY_AFTER_CEILING_MILLIS, Durations.saturatedMultiply(seconds, 1000));
    }
    Instant until = httpDate(text);
    if (until == null) {
      return -1;
    }
    long base = now == null ? System.currentTimeMillis() : now.toEpochMilli();
    return Math.min(RETRY_AFTER_CEILING_MILLIS, Math.max(0, until.toEpochMilli() - base));
  }

  static Instant httpDate(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }
}
