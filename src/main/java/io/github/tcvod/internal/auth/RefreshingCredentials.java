package io.github.tcvod.internal.auth;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.exception.VodException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The cache and refresh rules shared by every provider of temporary credentials:
 * <ul>
 *   <li>credentials are fetched when first asked for, and again once fewer than {@code margin}
 *       remain before they expire (or, for short-lived ones, once half their life has passed, and
 *       for those claiming to last longer than {@link #LONGEST_USE}, once that has passed);</li>
 *   <li>one refresh at a time: the thread that finds the credentials due fetches, while they are
 *       still valid the other threads keep using them, and once they have expired (or before the
 *       first fetch) the other threads wait for that same refresh instead of starting their own;</li>
 *   <li>credentials that have already expired when fetched are a failed refresh;</li>
 *   <li>a refresh that fails because its thread was interrupted fails only for that thread: the
 *       threads waiting for it start another;</li>
 *   <li>a failed refresh keeps the last credentials while they are valid, and is not tried again
 *       for {@link #RETRY_PAUSE}; once they have expired the failure is a
 *       {@link CredentialsException} carrying the cause.</li>
 * </ul>
 * Thread-safe. The source is called by one thread at a time.
 */
@InternalApi
public final class RefreshingCredentials {
  /** Least time between two refresh attempts after a failure, while the credentials are valid. */
  public static final Duration RETRY_PAUSE = Duration.ofSeconds(10);

  /**
   * Longest time credentials are used before being fetched again, whatever expiry they claim: STS
   * issues them for 12 hours at most, so a later expiry is a broken or stale answer, and trusting it
   * would keep revoked credentials until the process ends.
   */
  public static final Duration LONGEST_USE = Duration.ofHours(12);

  /** Temporary credentials and when they expire. */
  public static final class Expiring {
    final Credentials credentials;
    final Instant expiry;

    /**
     * @param credentials the credentials
     * @param expiry when they stop working
     */
    public Expiring(Credentials credentials, Instant expiry) {
      if (credentials == null || expiry == null) {
        throw new IllegalArgumentException("credentials and expiry are required");
      }
      this.credentials = credentials;
      this.expiry = expiry;
    }
  }

  /** What is cached: the credentials, when to refresh them, and when a failed refresh may be tried again. */
  private static final class State {
    final Expiring current;
    final Instant refreshAt;
    final Instant retryNotBefore;

    State(Expiring current, Instant refreshAt, Instant retryNotBefore) {
      this.current = current;
      this.refreshAt = refreshAt;
      this.retryNotBefore = retryNotBefore;
    }
  }

  private final String source;
  private final Supplier<Expiring> fetch;
  private final Duration margin;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile State state;
  /** The refresh under way, or null; guarded by lock. */
  private CompletableFuture<Expiring> inFlight;

  /**
   * @param source names the source in messages, e.g. {@code CVM role (metadata service)}
   * @param fetch fetches new credentials; may throw
   * @param margin how long before expiry to refresh; not negative
   * @param clock the time
   */
  public RefreshingCredentials(String source, Supplier<Expiring> fetch, Duration margin, Clock clock) {
    if (margin == null || margin.isNegative()) {
      throw new IllegalArgumentException("refreshMargin must not be negative, was " + margin);
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    this.source = source;
    this.fetch = fetch;
    this.margin = margin;
    this.clock = clock;
  }

  /**
   * @return valid credentials
   * @throws CredentialsException when there are none and the source fails
   */
  public Credentials get() {
    State known = state;
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.refreshAt)) {
      return known.current.credentials;
    }
    boolean stillValid = known != null && now.isBefore(known.current.expiry);
    if (stillValid && now.isBefore(known.retryNotBefore)) {
      return known.current.credentials;
    }
    CompletableFuture<Expiring> refresh;
    boolean leader = false;
    synchronized (lock) {
      State latest = state;
      if (latest != known && latest != null) {
        Instant later = clock.instant();
        if (later.isBefore(latest.refreshAt)) {
          return latest.current.credentials;  // another thread refreshed since this one looked
        }
        if (later.isBefore(latest.current.expiry) && later.isBefore(latest.retryNotBefore)) {
          // Another thread's refresh failed since this one looked: its pause holds for every thread.
          return latest.current.credentials;
        }
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      } else if (stillValid) {
        return known.current.credentials;
      }
      refresh = inFlight;
    }
    if (leader) {
      runRefresh(refresh);
    }
    try {
      return join(refresh).credentials;
    } catch (LeaderInterrupted e) {
      if (!leader) {
        return get();  // the refresh ended because its own thread was interrupted: this one tries anew
      }
      return stillValidOr((RuntimeException) e.getCause());
    } catch (RuntimeException failure) {
      return stillValidOr(failure);
    }
  }

  /**
   * Treats {@code rejected}, when they are the credentials held, as expired: the next {@link #get()}
   * fetches others, and every thread waits for them instead of using these.
   *
   * @param rejected credentials the service refused
   * @return whether the next {@link #get()} gives other credentials than {@code rejected} (or fails):
   *     false only when nothing was ever fetched
   */
  public boolean discard(Credentials rejected) {
    synchronized (lock) {
      State known = state;
      if (known == null) {
        return false;
      }
      if (known.current.credentials == rejected) {
        state = new State(new Expiring(rejected, Instant.EPOCH), Instant.EPOCH, Instant.EPOCH);
      }
      return true;
    }
  }

  private Credentials stillValidOr(RuntimeException failure) {
    State latest = state;
    if (latest != null && clock.instant().isBefore(latest.current.expiry)) {
      return latest.current.credentials;
    }
    throw expired(latest, failure);
  }

  /** Given to the threads waiting for a refresh that failed because its own thread was interrupted. */
  private static final class LeaderInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaderInterrupted(RuntimeException failure) {
      super(null, failure, false, false);
    }
  }

  private void runRefresh(CompletableFuture<Expiring> refresh) {
    try {
      Expiring fresh = fetch.get();
      if (fresh == null) {
        throw new CredentialsException(source + " returned no credentials");
      }
      Instant now = clock.instant();
      if (!fresh.expiry.isAfter(now)) {
        // Handed out, they would replace still valid ones and be fetched again at every call.
        throw new CredentialsException(source + " returned credentials that expire at " + fresh.expiry
            + ", not after this machine's time " + now + " (a stale answer, or a wrong clock)");
      }
      state = new State(fresh, refreshAt(now, fresh.expiry), now);
      refresh.complete(fresh);
    } catch (RuntimeException | Error e) {
      // A cancelled caller's interrupt says nothing of the source: no pause, and the others try again.
      boolean interrupted = e instanceof RuntimeException && Thread.currentThread().isInterrupted();
      State known = state;
      if (known != null && !interrupted) {
        state = new State(known.current, known.refreshAt, clock.instant().plus(RETRY_PAUSE));
      }
      refresh.completeExceptionally(interrupted ? new LeaderInterrupted((RuntimeException) e) : e);
    } finally {
      synchronized (lock) {
        inFlight = null;
      }
    }
  }

  /**
   * {@code margin} before expiry, but no sooner than half-way through a lifetime shorter than twice
   * the margin, and no later than {@link #LONGEST_USE} from now.
   */
  private Instant refreshAt(Instant now, Instant expiry) {
    Instant early = expiry.minus(margin);
    if (early.isAfter(now)) {
      Instant latest = now.plus(LONGEST_USE);
      return early.isAfter(latest) ? latest : early;
    }
    long lifeMillis = Math.max(0, expiry.toEpochMilli() - now.toEpochMilli());
    return now.plusMillis(lifeMillis / 2);
  }

  private static Expiring join(CompletableFuture<Expiring> refresh) {
    try {
      return refresh.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialsException("interrupted while waiting for the refresh of credentials under way", e);
    }
  }

  private CredentialsException expired(State latest, RuntimeException failure) {
    String why = failure instanceof VodException ? ((VodException) failure).errorCode() + ": "
        + ((VodException) failure).errorMessage() : failure.getClass().getSimpleName();
    String what = latest == null ? source + ": could not obtain credentials"
        : source + ": the credentials expired at " + latest.current.expiry + " and the refresh failed";
    return new CredentialsException(what + " (" + why + ")", failure);
  }

  @Override
  public String toString() {
    State known = state;
    return "RefreshingCredentials(" + source + (known == null ? ", none yet" : ", expiring " + known.current.expiry) + ")";
  }
}
