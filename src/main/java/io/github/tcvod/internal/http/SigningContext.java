package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;

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

  /**
   * @param credentials the key to sign with
   * @param service the signing service
   * @param payload the body bytes
   */
  public SigningContext(Credentials credentials, String service, byte[] payload) {
    this.credentials = credentials;
    this.service = service;
    this.payload = payload;
  }

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
