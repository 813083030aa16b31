package io.github.tcvod;

/**
 * Receives one line per logged event of an HTTP exchange: the request line and headers, the
 * status, time and headers of the answer. Opt-in; no logging framework is involved. The signature
 * in {@code Authorization} and the whole {@code X-TC-Token} are redacted; bodies are not logged.
 * Lines starting with {@code ~~ } are about the call as a whole (rate-limit waits, retries,
 * clock-skew corrections): the logger receives them through a {@link CallListener} of its own.
 */
@FunctionalInterface
public interface RequestLogger {
  /** @param line one line, without a line break */
  void log(String line);
}
