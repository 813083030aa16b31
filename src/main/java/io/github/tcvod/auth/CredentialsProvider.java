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
   * The service refused these credentials' session token ({@code AuthFailure.TokenFailure}: invalid,
   * revoked or expired early). A provider that caches temporary credentials stops handing these out
   * and fetches others at its next call; the SDK then retries the call once, signed with them.
   *
   * @param rejected the credentials the refused request was signed with
   * @return whether the next {@link #resolveCredentials()} may give other credentials; false (the
   *     default) when the provider has no others, and the call is not retried
   */
  default boolean discard(Credentials rejected) {
    return false;
  }

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
