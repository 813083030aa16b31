package io.github.tcvod.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies TC3-HMAC-SHA256 the way the service does, from the raw request it received. Written
 * apart from the SDK's signer (it shares no code with it) so that a test against it proves
 * something: it parses the Authorization header, rebuilds the canonical request from the headers
 * the client says it signed, and accepts timestamps within 5 minutes of its own clock.
 */
public final class Tc3SignatureChecker {
  /** Outcome of a check: null code means the signature is valid. */
  public static final class Verdict {
    public final String code;
    public final String message;

    private Verdict(String code, String message) {
      this.code = code;
      this.message = message;
    }

    public boolean valid() {
      return code == null;
    }
  }

  private static final Verdict VALID = new Verdict(null, null);
  private static final long MAX_SKEW_SECONDS = 300;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Map<String, String> secretKeysById;
  private final String service;

  /**
   * @param secretKeysById the keys the service knows
   * @param service the signing service the endpoint belongs to, e.g. {@code vod}
   */
  public Tc3SignatureChecker(Map<String, String> secretKeysById, String service) {
    this.secretKeysById = secretKeysById;
    this.service = service;
  }

  /**
   * @param header looks a request header up by (case-insensitive) name
   * @param body the raw body
   * @param now the server's clock
   * @return the verdict
   */
  public Verdict check(Function<String, String> header, byte[] body, Instant now) {
    String authorization = header.apply("Authorization");
    if (authorization == null || !authorization.startsWith("TC3-HMAC-SHA256 ")) {
      return failure("AuthFailure.InvalidAuthorization", "Authorization header is missing or not TC3-HMAC-SHA256.");
    }
    String credential = part(authorization, "Credential=");
    String signedHeaders = part(authorization, "SignedHeaders=");
    String signature = part(authorization, "Signature=");
    if (credential == null || signedHeaders == null || signature == null) {
      return failure("AuthFailure.InvalidAuthorization", "Authorization header is malformed.");
    }
    String[] scope = credential.split("/");
    if (scope.length != 4 || !"tc3_request".equals(scope[3])) {
      return failure("AuthFailure.InvalidAuthorization", "Credential scope is malformed.");
    }
    String secretKey = secretKeysById.get(scope[0]);
    if (secretKey == null) {
      return failure("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");
    }
    String timestampText = header.apply("X-TC-Timestamp");
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampText == null ? "" : timestampText.trim());
    } catch (NumberFormatException e) {
      return failure("AuthFailure.InvalidAuthorization", "X-TC-Timestamp is missing or not a number.");
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
      return failure("AuthFailure.SignatureExpire", "Signature expired. Timestamp " + timestamp
          + " is more than 5 minutes from server time " + now.getEpochSecond() + ".");
    }
    String date = DATE.format(Instant.ofEpochSecond(timestamp));
    if (!date.equals(scope[1]) || !service.equals(scope[2])) {
      return failure("AuthFailure.SignatureFailure", "The provided credentials could not be validated because of a wrong credential scope.");
    }
    if (!(";" + signedHeaders + ";").contains(";content-type;") || !(";" + signedHeaders + ";").contains(";host;")) {
      return failure("AuthFailure.SignatureFailure", "SignedHeaders must include content-type and host.");
    }
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      String value = header.apply(name);
      canonicalHeaders.append(name).append(':').append(value == null ? "" : value.trim().toLowerCase(Locale.ROOT)).append('\n');
    }
    String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hex(digest(body));
    String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope[1] + "/" + scope[2] + "/tc3_request\n"
        + hex(digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = mac(mac(mac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), scope[1]), scope[2]), "tc3_request");
    if (!MessageDigest.isEqual(hex(mac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      return failure("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
    }
    return VALID;
  }

  private static Verdict failure(String code, String message) {
    return new Verdict(code, message);
  }

  private static String part(String authorization, String key) {
    for (String piece : authorization.substring("TC3-HMAC-SHA256 ".length()).split(",")) {
      String trimmed = piece.trim();
      if (trimmed.startsWith(key)) {
        return trimmed.substring(key.length());
      }
    }
    return null;
  }

  private static byte[] digest(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] mac(byte[] key, String data) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hmac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
