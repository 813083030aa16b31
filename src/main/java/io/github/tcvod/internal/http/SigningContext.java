package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;
import java.util.Objects;

/**
 * Attached to each request as an OkHttp tag: what {@link Tc3SigningInterceptor} signs with. The
 * payload is the very array the request body was made from, so the signed bytes are the sent bytes
 * and nothing is copied.
 */
@InternalApi
public final class SigningContext {
  private final Credentials credentials;
  private final String service;
  private final byte[] payload;
  private final boolean signed;

  /**
   * @param service the signing service
   * @param payload the body bytes
   * @return the context of an action the spec marks unsigned ({@code x-tc-unsigned}): it is sent
   *     with {@code Authorization: SKIP} and without {@code X-TC-Token}
   */
  public static SigningContext unsigned(String service, byte[] payload) {
    return new SigningContext(null, service, payload, false);
  }

  /**
   * @param credentials the key to sign with; required
   * @param service the signing service
   * @param payload the body bytes
   */
  public SigningContext(Credentials credentials, String service, byte[] payload) {
    this(Objects.requireNonNull(credentials, "credentials"), service, payload, true);
  }

  private SigningContext(Credentials credentials, String service, byte[] payload, boolean signed) {
    this.signed = signed;
    this.credentials = credentials;
    this.service = service;
    this.payload = payload;
  }

  /** @return false for an action sent unsigned, which has no credentials */
  boolean signed() {
    return signed;
  }

  /** @return the credentials of a signed action */
  Credentials credentials() {
    return credentials;
  }

  String service() {
    return service;
  }

  byte[] payload() {
    return payload;
  }
}
