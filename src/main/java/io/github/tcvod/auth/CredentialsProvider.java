package io.github.tcvod.auth;

/**
 * Supplies the credentials of each call. Called once per request attempt, from any thread.
 * Implementations that read files or services should cache.
 */
@FunctionalInterface
public interface CredentialsProvider {
  /**
   * @return the credentials to sign with
   * @throws io.github.tcvod.exception.CredentialsException if there are none
   */
  Credentials resolveCredentials();

  /**
   * @param credentials fixed credentials
   * @return a provider that always returns them
   */
  static CredentialsProvider of(Credentials credentials) {
    if (credentials == null) {
      throw new IllegalArgumentException("credentials must not be null");
    }
    return () -> credentials;
  }
}
