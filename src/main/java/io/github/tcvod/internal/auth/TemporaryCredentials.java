package io.github.tcvod.internal.auth;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.CredentialsException;
import java.time.Instant;

/** Turns the fields of an STS or metadata answer into {@link RefreshingCredentials.Expiring}, or a clear error. */
@InternalApi
public final class TemporaryCredentials {
  /** 9999-12-31T23:59:59Z: anything later is not a time. */
  private static final long LATEST_EXPIRY = 253402300799L;

  private TemporaryCredentials() {
  }

  /**
   * @param source names the source in messages
   * @param secretId TmpSecretId
   * @param secretKey TmpSecretKey
   * @param token Token
   * @param expiredTime ExpiredTime, Unix seconds
   * @return the credentials and their expiry
   * @throws CredentialsException naming the missing or invalid field, never its value
   */
  public static RefreshingCredentials.Expiring of(String source, String secretId, String secretKey, String token,
      Long expiredTime) {
    String missing = blank(secretId) ? "TmpSecretId" : blank(secretKey) ? "TmpSecretKey" : blank(token) ? "Token"
        : expiredTime == null || expiredTime <= 0 || expiredTime > LATEST_EXPIRY ? "ExpiredTime" : null;
    if (missing != null) {
      throw new CredentialsException(source + ": the answer has no " + missing);
    }
    try {
      return new RefreshingCredentials.Expiring(Credentials.of(secretId, secretKey, token),
          Instant.ofEpochSecond(expiredTime));
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(source + ": the answer's credentials are invalid: " + e.getMessage());
    }
  }

  /**
   * As {@link #of(String, String, String, String, Long)}, for STS answers: STS grants at most the
   * duration asked for, so an ExpiredTime later than that is read by a local clock behind the
   * service's, and believing it would keep the credentials past their real expiry.
   *
   * @param notAfter when the request was sent plus the duration it asked for
   * @return the credentials, expiring at ExpiredTime or {@code notAfter}, whichever is earlier
   * @throws CredentialsException naming the missing or invalid field, never its value
   */
  public static RefreshingCredentials.Expiring of(String source, String secretId, String secretKey, String token,
      Long expiredTime, Instant notAfter) {
    RefreshingCredentials.Expiring issued = of(source, secretId, secretKey, token, expiredTime);
    return issued.expiry.isAfter(notAfter) ? new RefreshingCredentials.Expiring(issued.credentials, notAfter) : issued;
  }

  private static boolean blank(String value) {
    return value == null || value.trim().isEmpty();
  }
}
