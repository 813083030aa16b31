package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sweeper on a hand-driven clock and scheduler: when it sweeps, and what a sweep ends. */
class DeadlineSweeperTest {
  private final AtomicLong now = new AtomicLong(1_000);
  /** The times (on the clock) of the sweeps asked for, in order; the sweeps themselves are run by the test. */
  private final List<Long> sweepTimes = new ArrayList<>();
  private final List<Runnable> sweeps = new ArrayList<>();
  private final List<Item> items = new ArrayList<>();
  private final DeadlineSweeper sweeper = new DeadlineSweeper(items, now::get);

  DeadlineSweeperTest() {
    sweeper.bind((task, delay) -> {
      sweeps.add(task);
      sweepTimes.add(now.get() + delay);
      return true;
    });
  }

  private class Item implements DeadlineSweeper.Watched {
    long deadline = DeadlineSweeper.NONE;
    final List<Long> expired = new ArrayList<>();

    Item() {
      items.add(this);
    }

    void due(long at) {
      deadline = at;
      sweeper.watch(at);
    }

    @Override
    public long deadline() {
      return deadline;
    }

    @Override
    public void expire(long at) {
      expired.add(at);
      deadline = DeadlineSweeper.NONE;
    }
  }

  @Test
  void anItemDueBeforeTheScheduledSweepGetsAnEarlierOne() {
    Item late = new Item();
    late.due(3_000);
    Item early = new Item();
    early.due(2_000);
    assertEquals(Arrays.asList(3_000L, 2_000L), sweepTimes, "a sweep at 3,000 would end the second item 1,000 late");
    Item later = new Item();
    later.due(2_500);
    assertEquals(2, sweepTimes.size(), "the sweep at 2,000 looks at it in time");
  }

  @Test
  void anItemThatStartsDuringASweepDoesNotDelayTheNextDeadline() {
    Item first = new Item();
    first.due(1_500);
    Item pending = new Item();
    pending.due(1_800);
    Item starting = new Item();
    // Noted while the sweep walks the items, after the sweep cleared its scheduled time.
    new Item() {
      @Override
      public long deadline() {
        if (starting.deadline == DeadlineSweeper.NONE) {
          starting.due(4_000);
        }
        return DeadlineSweeper.NONE;
      }
    };
    now.set(1_500);
    sweeps.get(0).run();
    assertEquals(Arrays.asList(1_500L), first.expired);
    assertTrue(pending.expired.isEmpty());
    assertEquals(Arrays.asList(1_500L, 4_000L, 1_800L), sweepTimes,
        "the item that started during the sweep scheduled one at 4,000; the pending one still gets its own at 1,800");
    now.set(1_800);
    sweeps.get(2).run();
    assertEquals(Arrays.asList(1_800L), pending.expired);
  }

  @Test
  void anExpireThatThrowsEndsNeitherTheSweepNorTheNext() {
    new Item() {
      @Override
      public void expire(long at) {
        throw new IllegalStateException("a broken item");
      }
    }.due(1_100);
    Item next = new Item();
    next.due(1_100);
    Item later = new Item();
    later.due(2_000);
    now.set(1_100);
    sweeps.get(0).run();
    assertEquals(Arrays.asList(1_100L), next.expired);
    assertEquals(Arrays.asList(1_100L, 2_000L), sweepTimes);
  }

  @Test
  void nothingUnderWayMeansNoSweep() {
    Item done = new Item();
    done.due(1_100);
    done.deadline = DeadlineSweeper.NONE;
    now.set(1_100);
    sweeps.get(0).run();
    assertFalse(done.expired.contains(1_100L));
    assertEquals(1, sweepTimes.size());
    done.due(5_000);
    assertEquals(Arrays.asList(1_100L, 5_000L), sweepTimes, "the next item schedules the next sweep itself");
  }
}
