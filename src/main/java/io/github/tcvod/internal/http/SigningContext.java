package io.github.tcvod.internal.http;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.CredentialsException;

/**
 * Attached to each request as an OkHttp tag: what {@link Tc3SigningInterceptor} signs with. The
 * payload is the very array the request body was made from, so the signed bytes are the sent bytes
 * and nothing is copied.
 */
public final class SigningContext {
  private final Credentials credentials;
  private final String service;
  private final byte[] payload;

  /**
   * @param service the signing service
   * @param payload the body bytes
   * @return the context of an action the spec marks unsigned ({@code x-tc-unsigned}): it is sent
   *     with {@code Authorization: SKIP} and without {@code X-TC-Token}
   */
  public static SigningContext unsigned(String service, byte[] payload) {
    return new SigningContext((Void) null, null, service, payload);
  }

  /**
   * @param credentials the key to sign with; required
   * @param service the signing service
   * @param payload the body bytes
   */
  public SigningContext(Credentials credentials, String service, byte[] payload) {
    this((Void) null, credentials, service, payload);
    if (credentials == null) {
      throw new CredentialsException("the credentials provider returned null");
    }
  }

  private SigningContext(Void unused, Credentials credentials, String service, byte[] payload) {
    this.credentials = credentials;
    this.service = service;
    this.payload = payload;
  }

  /** @return the credentials, or null when the action is sent unsigned */
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
