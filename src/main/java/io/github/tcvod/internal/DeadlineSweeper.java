package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Ends what outlives its deadline (an attempt, a socket write) with one task, scheduled at the
 * earliest deadline under way, instead of a timer per item: an item only notes its deadline, and
 * {@link #watch(long)} makes sure a sweep is scheduled by then. A sweep ends the items past their
 * deadline and schedules the next for the earliest of the others; with nothing under way it
 * schedules none.
 */
@InternalApi
public final class DeadlineSweeper {
  /** What {@link Watched#deadline()} answers when nothing is under way. */
  public static final long NONE = Long.MIN_VALUE;

  /** An item the sweeps look at. */
  public interface Watched {
    /** @return the deadline of what is under way, on the sweeper's clock, or {@link #NONE} */
    long deadline();

    /**
     * Ends what is under way, if its deadline is still {@code deadline}: what ended meanwhile, or
     * began since, is left alone.
     *
     * @param deadline the deadline the sweep found past
     */
    void expire(long deadline);
  }

  /** What {@link #scheduledAt} holds when no sweep is known to be scheduled. */
  private static final long NOT_SCHEDULED = Long.MAX_VALUE;

  private final Iterable<? extends Watched> watched;
  private final LongSupplier nanoTime;
  /**
   * The time of the earliest sweep scheduled, or {@link #NOT_SCHEDULED}. An item whose deadline is
   * earlier schedules one of its own: a later sweep would end it late (by up to a whole timeout).
   * A sweep scheduled before it still runs, and finds nothing or little to do.
   */
  private final AtomicLong scheduledAt = new AtomicLong(NOT_SCHEDULED);
  private volatile TaskScheduler scheduler;

  /**
   * @param watched the items, read by each sweep
   * @param nanoTime the monotonic clock of the deadlines
   */
  public DeadlineSweeper(Iterable<? extends Watched> watched, LongSupplier nanoTime) {
    this.watched = watched;
    this.nanoTime = nanoTime;
  }

  /**
   * @param scheduler runs the sweeps; until it is set, and once it refuses because the client is
   *     closed (which ends every call), nothing is swept
   */
  public void bind(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** @return the time now, on the clock of the deadlines */
  public long now() {
    return nanoTime.getAsLong();
  }

  /**
   * Makes sure a sweep will look, by {@code deadline}, at an item whose deadline it already shows.
   *
   * @param deadline the item's deadline
   */
  public void watch(long deadline) {
    while (true) {
      long scheduled = scheduledAt.get();
      if (scheduled != NOT_SCHEDULED && scheduled - deadline <= 0) {
        return;
      }
      if (scheduledAt.compareAndSet(scheduled, deadline)) {
        TaskScheduler current = scheduler;
        if (current == null || !current.schedule(this::sweep, Math.max(0, deadline - nanoTime.getAsLong()))) {
          scheduledAt.compareAndSet(deadline, NOT_SCHEDULED);
        }
        return;
      }
    }
  }

  /**
   * Ends the items past their deadline and makes sure a sweep looks at the earliest deadline left.
   * The scheduled time is cleared before the look at the items: an item that notes its deadline
   * after the look finds it cleared and schedules a sweep itself. What an item's {@code expire}
   * throws ends neither the sweep nor the next one.
   */
  public void sweep() {
    scheduledAt.set(NOT_SCHEDULED);
    long now = nanoTime.getAsLong();
    boolean any = false;
    long next = 0;
    for (Watched item : watched) {
      long deadline = item.deadline();
      if (deadline == NONE) {
        continue;
      }
      if (deadline - now <= 0) {
        try {
          item.expire(deadline);
        } catch (RuntimeException e) {
          // the item's own failure: the others are still ended in time
        }
      } else if (!any || deadline - next < 0) {
        any = true;
        next = deadline;
      }
    }
    if (any) {
      watch(next);
    }
  }
}
