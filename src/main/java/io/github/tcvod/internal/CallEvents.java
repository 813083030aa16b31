package io.github.tcvod.internal;

import io.github.tcvod.CallContext;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.spi.ActionDescriptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The events of one call, for a client with listeners (a client without any creates none). Keeps
 * the order {@link io.github.tcvod.CallListener} promises whatever thread reports a step: an
 * attempt still open when the call ends is ended first, and nothing follows the end of the call.
 */
final class CallEvents implements CallContext {
  private final CallListeners listeners;
  private final ActionDescriptor action;
  private final boolean async;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private Map<String, Object> attributes;
  private int attempts;
  private boolean attemptOpen;
  private long attemptStartNanos;
  private boolean ended;

  CallEvents(CallListeners listeners, ActionDescriptor action, boolean async, LongSupplier nanoTime) {
    this.listeners = listeners;
    this.action = action;
    this.async = async;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    listeners.deliver("callStarted", listener -> listener.callStarted(this));
  }

  synchronized void throttleWaited(long nanos) {
    if (!ended) {
      Duration wait = Duration.ofNanos(nanos);
      listeners.deliver("throttleWaited", listener -> listener.throttleWaited(this, wait));
    }
  }

  synchronized void credentialsResolved(String providerClass) {
    if (!ended) {
      listeners.deliver("credentialsResolved", listener -> listener.credentialsResolved(this, providerClass));
    }
  }

  synchronized void attemptStarted() {
    if (ended) {
      return;
    }
    int attempt = ++attempts;
    attemptOpen = true;
    attemptStartNanos = nanoTime.getAsLong();
    listeners.deliver("attemptStarted", listener -> listener.attemptStarted(this, attempt));
  }

  synchronized void attemptEnded(VodException failure) {
    if (ended || !attemptOpen) {
      return;
    }
    attemptOpen = false;
    int attempt = attempts;
    int status = failure == null ? 200 : failure.httpStatus();
    String code = failure == null ? null : failure.errorCode();
    Duration duration = since(attemptStartNanos);
    listeners.deliver("attemptEnded", listener -> listener.attemptEnded(this, attempt, status, code, duration));
  }

  synchronized void retryScheduled(long delayNanos, String reason) {
    if (!ended) {
      int attempt = attempts;
      Duration delay = Duration.ofNanos(delayNanos);
      listeners.deliver("retryScheduled", listener -> listener.retryScheduled(this, attempt, delay, reason));
    }
  }

  synchronized void clockSkewCorrected(long oldOffsetMillis, long newOffsetMillis) {
    if (!ended) {
      Duration before = Duration.ofMillis(oldOffsetMillis);
      Duration after = Duration.ofMillis(newOffsetMillis);
      listeners.deliver("clockSkewCorrected", listener -> listener.clockSkewCorrected(this, before, after));
    }
  }

  synchronized void callEnded(Throwable failure) {
    if (ended) {
      return;
    }
    if (attemptOpen) {
      attemptCutShort(failure);
    }
    ended = true;
    int made = attempts;
    Duration duration = since(startNanos);
    listeners.deliver("callEnded", listener -> listener.callEnded(this, failure, made, duration));
  }

  /** An attempt cut short by the end of the call: no answer, the call's failure as its code. */
  private void attemptCutShort(Throwable failure) {
    attemptOpen = false;
    int attempt = attempts;
    VodException error = failure instanceof VodException ? (VodException) failure : null;
    String code = error != null ? error.errorCode() : failure == null ? null : failure.getClass().getSimpleName();
    int status = error != null ? error.httpStatus() : 0;
    Duration duration = since(attemptStartNanos);
    listeners.deliver("attemptEnded", listener -> listener.attemptEnded(this, attempt, status, code, duration));
  }

  private Duration since(long startedAt) {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - startedAt));
  }

  @Override
  public String action() {
    return action.name();
  }

  @Override
  public String apiVersion() {
    return action.version();
  }

  @Override
  public String service() {
    return action.service();
  }

  @Override
  public boolean async() {
    return async;
  }

  @Override
  public synchronized Object attribute(String key) {
    return attributes == null ? null : attributes.get(key);
  }

  @Override
  public synchronized void attribute(String key, Object value) {
    if (value == null) {
      if (attributes != null) {
        attributes.remove(key);
      }
      return;
    }
    if (attributes == null) {
      attributes = new HashMap<>(4);
    }
    attributes.put(key, value);
  }

  @Override
  public String toString() {
    return "Call(" + action + (async ? ", async" : "") + ")";
  }
}
