package io.github.tcvod.auth;

import io.github.tcvod.internal.signer.DefaultTc3Signer;

/**
 * Computes the {@code Authorization} header of Tencent Cloud API 3.0 (TC3-HMAC-SHA256) over the
 * headers {@code content-type;host}. Pure: the same input gives the same output, and the time is
 * an input. Thread-safe.
 */
public interface Tc3Signer {
  /** @return the SDK's signer, which caches the derived signing key per key, UTC day and service */
  static Tc3Signer create() {
    return new DefaultTc3Signer();
  }

  /**
   * @param credentials the key to sign with
   * @param service the signing service, e.g. {@code vod}
   * @param timestampSeconds the Unix time sent as {@code X-TC-Timestamp}
   * @param host the {@code Host} header exactly as sent
   * @param contentType the {@code Content-Type} header exactly as sent
   * @param payload the body bytes exactly as sent
   * @return the value of the {@code Authorization} header
   */
  String authorization(Credentials credentials, String service, long timestampSeconds,
      String host, String contentType, byte[] payload);
}
