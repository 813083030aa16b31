package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The watchdog on a hand-driven clock and scheduler: which attempts it ends, and when it looks again. */
class AttemptWatchdogTest {
  private static final long LIMIT = 1_000;
  private final AtomicLong now = new AtomicLong(5_000);
  /** The delays of the sweeps asked for, in order; the sweeps themselves are run by the test. */
  private final List<Long> delays = new ArrayList<>();
  private final List<Runnable> sweeps = new ArrayList<>();
  private final List<Run> running = new ArrayList<>();
  private boolean closed;
  private final AttemptWatchdog watchdog = new AttemptWatchdog(LIMIT, running, (task, delay) -> {
    if (closed) {
      return false;
    }
    sweeps.add(task);
    delays.add(delay);
    return true;
  }, now::get);
  private final OkHttpClient http = new OkHttpClient();

  private static final class Run implements AttemptWatchdog.Watched {
    AttemptWatchdog.TimedAttempt attempt;

    @Override
    public AttemptWatchdog.TimedAttempt timedAttempt() {
      return attempt;
    }
  }

  private Run start() {
    Run run = new Run();
    run.attempt = new AttemptWatchdog.TimedAttempt(http.newCall(new Request.Builder().url("http://127.0.0.1:9/").build()),
        watchdog.deadlineFromNow());
    running.add(run);
    watchdog.watch(run.attempt.deadline);
    return run;
  }

  private void runSweep(int index) {
    sweeps.get(index).run();
  }

  @Test
  void theFirstAttemptSchedulesASweepAtItsDeadlineAndLaterOnesDoNot() {
    Run first = start();
    now.addAndGet(300);
    start();
    assertEquals(List.of(LIMIT), delays);
    assertEquals(6_000, first.attempt.deadline);
  }

  @Test
  void aSweepEndsOnlyTheAttemptsPastTheirDeadlineAndLooksAgainAtTheNext() {
    Run first = start();
    now.addAndGet(300);
    Run second = start();
    Run between = new Run();
    running.add(between);
    now.set(6_000);
    runSweep(0);
    assertTrue(first.attempt.call.isCanceled());
    assertFalse(second.attempt.call.isCanceled());
    assertEquals(List.of(LIMIT, 300L), delays, "the next sweep at the second attempt's deadline");
    now.set(6_300);
    runSweep(1);
    assertTrue(second.attempt.call.isCanceled());
    assertEquals(2, sweeps.size(), "nothing left to watch, no sweep scheduled");
  }

  @Test
  void theNextSweepIsAtTheEarliestDeadlineLeftWhateverTheOrderOfTheCalls() {
    Run first = start();
    now.addAndGet(200);
    Run second = start();
    now.addAndGet(200);
    Run third = start();
    running.clear();
    running.add(third);
    running.add(second);
    running.add(first);
    now.set(6_000);
    runSweep(0);
    assertTrue(first.attempt.call.isCanceled());
    assertEquals(List.of(LIMIT, 200L), delays, "at the second attempt's deadline, not the third's");
  }

  @Test
  void anAttemptStartedAfterALookThatFoundNothingSchedulesItsOwnSweep() {
    Run first = start();
    running.remove(first);
    now.set(6_000);
    runSweep(0);
    assertEquals(1, sweeps.size());
    now.set(7_000);
    start();
    assertEquals(List.of(LIMIT, LIMIT), delays);
  }

  @Test
  void aLateSweepEndsAnOverdueAttemptAndSchedulesNothingForIt() {
    Run first = start();
    now.set(9_000);
    runSweep(0);
    assertTrue(first.attempt.call.isCanceled());
    running.remove(first);
    start();
    assertEquals(List.of(LIMIT, LIMIT), delays);
  }

  @Test
  void aClosedClientSchedulesNothingAndTriesAgainOnTheNextAttempt() {
    closed = true;
    start();
    assertTrue(sweeps.isEmpty());
    closed = false;
    start();
    assertEquals(1, sweeps.size(), "a refused schedule leaves no sweep marked as pending");
  }

  @Test
  void onlyAnExpiredAttemptReportsItsFailureAsATimeout() {
    Run run = start();
    IOException canceled = new IOException("Canceled");
    assertSame(canceled, run.attempt.reported(canceled));
    now.set(6_000);
    runSweep(0);
    IOException reported = run.attempt.reported(canceled);
    assertTrue(reported instanceof InterruptedIOException, reported.toString());
    assertEquals("timeout", reported.getMessage());
    assertSame(canceled, reported.getCause());
  }
}
