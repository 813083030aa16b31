package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.internal.DeadlineSweeper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The socket watchdog on a hand-driven clock and scheduler: which reads and writes it ends, and when it looks again. */
class SocketWatchdogTest {
  private static final long TIMEOUT = 1_000;
  private static final long READ_TIMEOUT = 400;
  private final AtomicLong now = new AtomicLong(5_000);
  /** The delays of the sweeps asked for, in order; the sweeps themselves are run by the test. */
  private final List<Long> delays = new ArrayList<>();
  private final List<Runnable> sweeps = new ArrayList<>();
  private boolean closed;
  private final SocketWatchdog watchdog = new SocketWatchdog(READ_TIMEOUT, TIMEOUT, now::get);

  SocketWatchdogTest() {
    watchdog.bind((task, delay) -> {
      if (closed) {
        return false;
      }
      sweeps.add(task);
      delays.add(delay);
      return true;
    });
  }

  private final class Socket implements DeadlineSweeper.Watched {
    long deadline = DeadlineSweeper.NONE;
    boolean timedOut;

    Socket() {
      watchdog.watch(this);
    }

    void startWriting() {
      deadline = watchdog.writeDeadlineFromNow();
      watchdog.started(deadline);
    }

    void startReading() {
      deadline = watchdog.readDeadlineFromNow();
      watchdog.started(deadline);
    }

    void doneWriting() {
      deadline = DeadlineSweeper.NONE;
    }

    @Override
    public long deadline() {
      return deadline;
    }

    @Override
    public void expire(long deadline) {
      timedOut = true;
      watchdog.forget(this);
    }
  }

  @Test
  void theFirstWriteSchedulesASweepAtItsTimeoutAndLaterOnesDoNot() {
    Socket first = new Socket();
    Socket second = new Socket();
    first.startWriting();
    now.addAndGet(300);
    second.startWriting();
    first.doneWriting();
    first.startWriting();
    assertEquals(List.of(TIMEOUT), delays);
  }

  @Test
  void aSweepEndsOnlyTheWritesThatTookTheTimeoutAndLooksAgainAtTheNext() {
    Socket first = new Socket();
    Socket second = new Socket();
    Socket idle = new Socket();
    first.startWriting();
    now.addAndGet(300);
    second.startWriting();
    now.set(6_000);
    sweeps.get(0).run();
    assertTrue(first.timedOut, "it has written for exactly the timeout");
    assertFalse(second.timedOut);
    assertFalse(idle.timedOut, "a socket that is not writing is never ended");
    assertEquals(List.of(TIMEOUT, 300L), delays, "the next sweep when the second write reaches the timeout");
    now.set(6_299);
    sweeps.get(1).run();
    assertFalse(second.timedOut, "1 ns short of the timeout");
    assertEquals(List.of(TIMEOUT, 300L, 1L), delays);
    now.set(6_300);
    sweeps.get(2).run();
    assertTrue(second.timedOut);
    assertEquals(3, delays.size(), "no writes under way: no more sweeps");
    assertEquals(1, watchdog.size(), "the ended sockets are forgotten, the idle one is still watched");
  }

  @Test
  void aWriteThatEndedInTimeIsNotEndedAndLeavesNoSweep() {
    Socket socket = new Socket();
    socket.startWriting();
    now.addAndGet(10);
    socket.doneWriting();
    now.set(6_000);
    sweeps.get(0).run();
    assertFalse(socket.timedOut);
    assertEquals(1, delays.size());
    socket.startWriting();
    assertEquals(List.of(TIMEOUT, TIMEOUT), delays, "the next write schedules the next sweep itself");
  }

  @Test
  void aClosedClientWatchesNothingAndTriesAgainOnTheNextWrite() {
    Socket socket = new Socket();
    closed = true;
    socket.startWriting();
    assertTrue(delays.isEmpty());
    socket.doneWriting();
    closed = false;
    socket.startWriting();
    assertEquals(List.of(TIMEOUT), delays, "a refused schedule leaves no sweep marked as scheduled");
  }

  @Test
  void anUnboundWatchdogWatchesNothing() {
    SocketWatchdog unbound = new SocketWatchdog(READ_TIMEOUT, TIMEOUT, now::get);
    unbound.started(unbound.writeDeadlineFromNow());
    assertTrue(delays.isEmpty());
  }

  @Test
  void aSweepScheduledLateRunsAtOnce() {
    Socket socket = new Socket();
    socket.startWriting();
    now.addAndGet(5 * TIMEOUT);
    Socket late = new Socket();
    late.startWriting();
    sweeps.get(0).run();
    assertTrue(socket.timedOut);
    assertFalse(late.timedOut);
    assertEquals(List.of(TIMEOUT, TIMEOUT), delays);
  }

  @Test
  void aReadIsEndedAtTheReadTimeoutAndAnEarlierDeadlineGetsASweepOfItsOwn() {
    Socket writing = new Socket();
    Socket reading = new Socket();
    writing.startWriting();
    now.addAndGet(100);
    reading.startReading();
    assertEquals(List.of(TIMEOUT, READ_TIMEOUT), delays, "the read's deadline comes before the write's sweep");
    now.addAndGet(READ_TIMEOUT);
    sweeps.get(1).run();
    assertTrue(reading.timedOut, "it has read for exactly the read timeout");
    assertFalse(writing.timedOut);
    assertEquals(List.of(TIMEOUT, READ_TIMEOUT, TIMEOUT - READ_TIMEOUT - 100), delays, "then the write's turn");
    assertEquals(READ_TIMEOUT, watchdog.readTimeoutNanos());
    assertEquals(TIMEOUT, watchdog.writeTimeoutNanos());
  }
}
