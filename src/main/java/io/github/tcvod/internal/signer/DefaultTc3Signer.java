package io.github.tcvod.internal.signer;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TC3-HMAC-SHA256 as the API 3.0 "Signature v3" page defines it, signing {@code content-type;host}. */
@InternalApi
public final class DefaultTc3Signer implements Tc3Signer {
  private static final String ALGORITHM = "TC3-HMAC-SHA256";
  private static final String SIGNED_HEADERS = "content-type;host";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** Looking a provider up costs more than the hash of a small body: one instance per thread. */
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance("HmacSHA256")));
  private static final ThreadLocal<MessageDigest> DIGESTS =
      ThreadLocal.withInitial(() -> instance(() -> MessageDigest.getInstance("SHA-256")));

  /** The derived key depends only on (secret key, UTC date, service): one day's key is reused. */
  private volatile CachedKey cachedKey;

  @Override
  public String authorization(Credentials credentials, String service, long timestampSeconds,
      String host, String contentType, byte[] payload) {
    String date = utcDate(timestampSeconds);
    String scope = date + "/" + service + "/tc3_request";
    String canonicalRequest = canonicalRequest(host, contentType, payload);
    String stringToSign = stringToSign(timestampSeconds, scope, canonicalRequest);
    byte[] key = signingKey(credentials.secretKey(), date, service);
    String signature = hex(hmacSha256(key, stringToSign));
    return ALGORITHM + " Credential=" + credentials.secretId() + "/" + scope
        + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature;
  }

  /**
   * @param timestampSeconds Unix time
   * @return its date in UTC as {@code yyyy-MM-dd}
   */
  public static String utcDate(long timestampSeconds) {
    return LocalDate.ofEpochDay(Math.floorDiv(timestampSeconds, 86_400L)).toString();
  }

  /**
   * @param host the Host header value
   * @param contentType the Content-Type header value
   * @param payload the body bytes
   * @return the canonical request of step 1 (header values trimmed and lower-cased)
   */
  public static String canonicalRequest(String host, String contentType, byte[] payload) {
    return "POST\n/\n\n"
        + "content-type:" + contentType.trim().toLowerCase(Locale.ROOT) + "\n"
        + "host:" + host.trim().toLowerCase(Locale.ROOT) + "\n\n"
        + SIGNED_HEADERS + "\n"
        + hex(sha256(payload));
  }

  /**
   * @param timestampSeconds Unix time
   * @param scope the credential scope {@code date/service/tc3_request}
   * @param canonicalRequest the canonical request
   * @return the string to sign of step 3
   */
  public static String stringToSign(long timestampSeconds, String scope, String canonicalRequest) {
    return ALGORITHM + "\n" + timestampSeconds + "\n" + scope + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] signingKey(String secretKey, String date, String service) {
    CachedKey cached = cachedKey;
    if (cached != null && cached.matches(secretKey, date, service)) {
      return cached.key;
    }
    byte[] key = deriveSigningKey(secretKey, date, service);
    cachedKey = new CachedKey(secretKey, date, service, key);
    return key;
  }

  /**
   * @param secretKey the SecretKey
   * @param date the UTC date {@code yyyy-MM-dd}
   * @param service the signing service
   * @return SecretSigning of step 4
   */
  public static byte[] deriveSigningKey(String secretKey, String date, String service) {
    byte[] secretDate = hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] secretService = hmacSha256(secretDate, service);
    return hmacSha256(secretService, "tc3_request");
  }

  /**
   * @param key the HMAC key
   * @param data the message, UTF-8 encoded
   * @return the raw 32-byte HMAC-SHA256
   */
  public static byte[] hmacSha256(byte[] key, String data) {
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected its key", e);
    }
  }

  /**
   * @param data bytes
   * @return their SHA-256 digest
   */
  public static byte[] sha256(byte[] data) {
    return DIGESTS.get().digest(data);
  }

  /**
   * @param bytes bytes
   * @return lower-case hex
   */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static final class CachedKey {
    final String secretKey;
    final String date;
    final String service;
    final byte[] key;

    CachedKey(String secretKey, String date, String service, byte[] key) {
      this.secretKey = secretKey;
      this.date = date;
      this.service = service;
      this.key = key;
    }

    boolean matches(String secretKey, String date, String service) {
      return this.date.equals(date) && this.service.equals(service) && this.secretKey.equals(secretKey);
    }
  }

  private interface Factory<T> {
    T create() throws GeneralSecurityException;
  }

  private static <T> T instance(Factory<T> factory) {
    try {
      return factory.create();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks HmacSHA256 or SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "DefaultTc3Signer";
  }
}
