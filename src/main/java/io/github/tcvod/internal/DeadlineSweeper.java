package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Ends what outlives its deadline (an attempt, a socket write) with one task, scheduled at the
 * earliest deadline under way, instead of a timer per item: an item only notes its deadline, and
 * {@link #watch(long)} makes sure a sweep is scheduled. A sweep ends the items past their deadline
 * and schedules the next for the earliest of the others; with nothing under way it schedules none.
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

  private final Iterable<? extends Watched> watched;
  private final LongSupplier nanoTime;
  /** Whether a sweep is scheduled; items only read it while one is. */
  private final AtomicBoolean scheduled = new AtomicBoolean();
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
   * Makes sure a sweep will look at an item whose deadline it already shows.
   *
   * @param deadline the item's deadline
   */
  public void watch(long deadline) {
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      TaskScheduler current = scheduler;
      if (current == null || !current.schedule(this::sweep, Math.max(0, deadline - nanoTime.getAsLong()))) {
        scheduled.set(false);
      }
    }
  }

  /**
   * Ends the items past their deadline and schedules the next sweep at the earliest deadline left.
   * The flag is cleared before the look at the items: an item that notes its deadline after the
   * look finds it cleared and schedules a sweep itself.
   */
  public void sweep() {
    scheduled.set(false);
    long now = nanoTime.getAsLong();
    boolean any = false;
    long next = 0;
    for (Watched item : watched) {
      long deadline = item.deadline();
      if (deadline == NONE) {
        continue;
      }
      if (deadline - now <= 0) {
        item.expire(deadline);
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
