package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import io.github.tcvod.exception.VodException;

/**
 * Lets the core record on an exception what only the core knows (the number of attempts) without
 * a public mutator on the exception: {@link VodException} hands a package-private setter over
 * when its class initializes, as the JDK's shared-secrets pattern does.
 */
@InternalApi
public final class ExceptionAccess {
  /** The setter {@link VodException} registers. */
  public interface AttemptsSetter {
    /**
     * @param exception the exception of a call that gave up
     * @param attempts attempts made, the first included
     */
    void recordAttempts(VodException exception, int attempts);
  }

  private static volatile AttemptsSetter setter;

  private ExceptionAccess() {
  }

  /**
   * Called once, by {@link VodException}'s static initializer.
   *
   * @param attemptsSetter the setter
   * @throws IllegalStateException when a setter is already registered
   */
  public static synchronized void register(AttemptsSetter attemptsSetter) {
    if (setter != null) {
      throw new IllegalStateException("the attempts setter is registered by VodException only");
    }
    setter = attemptsSetter;
  }

  /**
   * @param exception the exception of a call that gave up; its class is initialized, so the setter is registered
   * @param attempts attempts made, the first included
   */
  public static void recordAttempts(VodException exception, int attempts) {
    setter.recordAttempts(exception, attempts);
  }
}
