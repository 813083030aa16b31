package io.github.tcvod.internal;

import io.github.tcvod.exception.VodException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;

/** The outcome of one attempt: a value, or a failure with the answer's Retry-After and Date headers. */
final class Attempt<T> {
  final T value;
  final VodException failure;
  /** Retry-After in milliseconds, or -1 when absent. */
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
    return new Attempt<>(null, failure, retryAfterMillis(answer.header("Retry-After"), date), date);
  }

  /** Retry-After is either delay-seconds or an HTTP date. */
  private static long retryAfterMillis(String value, Instant now) {
    if (value == null) {
      return -1;
    }
    String text = value.trim();
    try {
      return Math.max(0, Long.parseLong(text)) * 1000;
    } catch (NumberFormatException notSeconds) {
      Instant until = httpDate(text);
      if (until == null) {
        return -1;
      }
      long base = now == null ? System.currentTimeMillis() : now.toEpochMilli();
      return Math.max(0, until.toEpochMilli() - base);
    }
  }

  private static Instant httpDate(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
