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
   * As {@link #of(String, String, String, String, Long)}, for STS answers. STS grants at most the
   * duration asked for, so an ExpiredTime later than the request's time plus that duration was read
   * by a local clock behind the service's, and one not after the request's time by a clock ahead of
   * it: believed, the first would keep the credentials past their real expiry, the second would call
   * freshly issued credentials expired. Either way they last the duration asked for.
   *
   * @param sent when the request was sent, by the local clock
   * @param askedSeconds the DurationSeconds asked for
   * @return the credentials, expiring when ExpiredTime says, or {@code sent + askedSeconds} when the
   *     local clock is off
   * @throws CredentialsException naming the missing or invalid field, never its value
   */
  public static RefreshingCredentials.Expiring of(String source, String secretId, String secretKey, String token,
      Long expiredTime, Instant sent, long askedSeconds) {
    RefreshingCredentials.Expiring issued = of(source, secretId, secretKey, token, expiredTime);
    Instant granted = sent.plusSeconds(askedSeconds);
    return issued.expiry.isAfter(granted) || !issued.expiry.isAfter(sent)
        ? new RefreshingCredentials.Expiring(issued.credentials, granted) : issued;
  }

  private static boolean blank(String value) {
    return value == null || value.trim().isEmpty();
  }
}
