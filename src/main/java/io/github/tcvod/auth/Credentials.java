package io.github.tcvod.auth;

import java.util.Objects;

/**
 * A Tencent Cloud API key: SecretId, SecretKey and, for temporary credentials, a session token.
 * Values are trimmed, because stray whitespace is a classic cause of signature failures, and must
 * then be printable ASCII (no line break, control character or non-ASCII letter), because they
 * travel in HTTP headers.
 * {@link #toString()} never shows the secret key or the token.
 */
public final class Credentials {
  private final String secretId;
  private final String secretKey;
  private final String sessionToken;

  private Credentials(String secretId, String secretKey, String sessionToken) {
    this.secretId = required("secretId", secretId);
    this.secretKey = required("secretKey", secretKey);
    String token = sessionToken == null ? null : sessionToken.trim();
    this.sessionToken = token == null || token.isEmpty() ? null : printableAscii("sessionToken", token);
  }

  private static String required(String name, String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return printableAscii(name, value.trim());
  }

  /**
   * Each value travels in an HTTP header or is signed as bytes, so it must be printable ASCII: a
   * line break would split the header, and a non-ASCII letter is a copy-paste accident. The
   * message says where, never what, since the value is a secret.
   */
  private static String printableAscii(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        String what = c == '\r' || c == '\n' ? "a line break" : c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character";
        throw new IllegalArgumentException(name + " contains " + what + " at index " + i
            + " (only printable ASCII is allowed; the value is not shown)");
      }
    }
    return value;
  }

  /**
   * @param secretId the SecretId
   * @param secretKey the SecretKey
   * @return permanent credentials
   * @throws IllegalArgumentException if a value is null or blank, or not printable ASCII once
   *     trimmed; the message names the field and never shows its value
   */
  public static Credentials of(String secretId, String secretKey) {
    return new Credentials(secretId, secretKey, null);
  }

  /**
   * @param secretId the temporary SecretId
   * @param secretKey the temporary SecretKey
   * @param sessionToken the session token, sent as {@code X-TC-Token}; null or blank for none
   * @return temporary credentials
   * @throws IllegalArgumentException if the id or key is null or blank, or a value is not printable
   *     ASCII once trimmed; the message names the field and never shows its value
   */
  public static Credentials of(String secretId, String secretKey, String sessionToken) {
    return new Credentials(secretId, secretKey, sessionToken);
  }

  /** @return the SecretId */
  public String secretId() {
    return secretId;
  }

  /** @return the SecretKey */
  public String secretKey() {
    return secretKey;
  }

  /** @return the session token, or null for permanent credentials */
  public String sessionToken() {
    return sessionToken;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Credentials)) {
      return false;
    }
    Credentials that = (Credentials) other;
    return secretId.equals(that.secretId)
        && secretKey.equals(that.secretKey)
        && Objects.equals(sessionToken, that.sessionToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretId, secretKey, sessionToken);
  }

  /** @return the SecretId with its middle masked; the key and token are never shown */
  @Override
  public String toString() {
    return "Credentials(secretId=" + mask(secretId) + ", secretKey=****"
        + (sessionToken == null ? "" : ", sessionToken=****") + ")";
  }

  private static String mask(String id) {
    return id.length() <= 8 ? "****" : id.substring(0, 4) + "****" + id.substring(id.length() - 4);
  }
}
