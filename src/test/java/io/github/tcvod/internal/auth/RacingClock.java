package io.github.tcvod.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clock that makes a caller lose a race at a chosen point: once armed, the first look at it of
 * the thread {@link #onMainCaller} runs on first runs a rival call to its end on another thread.
 */
final class RacingClock extends Clock {
  private static final String MAIN_CALLER = "main-caller";

  private final Clock time;
  private final ExecutorService threads;
  private final AtomicInteger looks = new AtomicInteger();
  private volatile Callable<?> rival;

  /**
   * @param time the time it tells
   * @param threads where the rival runs
   */
  RacingClock(Clock time, ExecutorService threads) {
    this.time = time;
    this.threads = threads;
  }

  /** @param rival what runs, to its end, at the main caller's first look from now on */
  void arm(Callable<?> rival) {
    this.rival = rival;
  }

  /**
   * @param call the main caller's call
   * @param <T> its result
   * @return its result, on a thread of its own
   * @throws Exception what the call threw, or a timeout after 5 s
   */
  static <T> T onMainCaller(Callable<T> call) throws Exception {
    ExecutorService mainCaller = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, MAIN_CALLER);
      thread.setDaemon(true);
      return thread;
    });
    try {
      return mainCaller.submit(call).get(5, TimeUnit.SECONDS);
    } finally {
      mainCaller.shutdownNow();
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Callable<?> armed = rival;
    if (armed != null && Thread.currentThread().getName().equals(MAIN_CALLER) && looks.incrementAndGet() == 1) {
      try {
        threads.submit(armed).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return time.instant();
  }
}
