package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;
import java.io.IOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * The body of every request the SDK sends, and what {@link Tc3SigningInterceptor} signs it with.
 * Being the body rather than a tag saves the per-call map OkHttp keeps for tags (copied again by
 * each {@code newBuilder()}); the payload is the very array that is sent, so the signed bytes are
 * the sent bytes and nothing is copied.
 */
@InternalApi
public final class SigningContext extends RequestBody {
  private final Credentials credentials;
  private final String service;
  private final MediaType contentType;
  private final byte[] payload;
  private final boolean signed;

  /**
   * @param service the signing service
   * @param contentType the body's media type, as signed and sent
   * @param payload the body bytes
   * @return the body of an action the spec marks unsigned ({@code x-tc-unsigned}): it is sent
   *     with {@code Authorization: SKIP} and without {@code X-TC-Token}
   */
  public static SigningContext unsigned(String service, MediaType contentType, byte[] payload) {
    return new SigningContext(null, service, contentType, payload, false);
  }

  /**
   * @param credentials the key to sign with; required
   * @param service the signing service
   * @param contentType the body's media type, as signed and sent
   * @param payload the body bytes
   */
  public SigningContext(Credentials credentials, String service, MediaType contentType, byte[] payload) {
    this(Objects.requireNonNull(credentials, "credentials"), service, contentType, payload, true);
  }

  private SigningContext(Credentials credentials, String service, MediaType contentType, byte[] payload,
      boolean signed) {
    this.signed = signed;
    this.credentials = credentials;
    this.service = service;
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.payload = payload;
  }

  @Override
  public MediaType contentType() {
    return contentType;
  }

  @Override
  public long contentLength() {
    return payload.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(payload);
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
