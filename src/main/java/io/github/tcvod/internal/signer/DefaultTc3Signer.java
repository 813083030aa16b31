package io.github.tcvod.internal.signer;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TC3-HMAC-SHA256 as the API 3.0 "Signature v3" page defines it, signing {@code content-type;host}. */
@InternalApi
public final class DefaultTc3Signer implements Tc3Signer {
  private static final String ALGORITHM = "TC3-HMAC-SHA256";
  private static final String SIGNED_HEADERS = "content-type;host";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final byte[] ALGORITHM_LINE = (ALGORITHM + "\n").getBytes(StandardCharsets.US_ASCII);
  private static final int HASH_BYTES = 32;
  /** SHA-256's block: HMAC pads its key to one. */
  private static final int HMAC_BLOCK = 64;
  /**
   * Per thread: the hash engines (looking a provider up costs more than the hash of a small body)
   * and the scratch space of one signature, so a call allocates only its result.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * What depends only on (key, UTC day, service): the derived key, the scope line of the string
   * to sign and the Authorization header up to its signature. Replaced when any of them changes.
   */
  private volatile DayKey dayKey;
  /** The canonical request up to the payload hash, which depends only on Host and Content-Type. */
  private volatile CanonicalHeaders canonicalHeaders;

  @Override
  public String authorization(Credentials credentials, String service, long timestampSeconds,
      String host, String contentType, byte[] payload) {
    DayKey day = dayKey(credentials, service, Math.floorDiv(timestampSeconds, 86_400L));
    byte[] canonicalPrefix = canonicalPrefix(host, contentType);
    Scratch scratch = SCRATCH.get();
    MessageDigest digest = scratch.digest;
    byte[] hash = scratch.hash;
    // The four SHA-256 hashes of a signature: of the payload, of the canonical request, and the inner
    // and outer hashes of the HMAC. One call site for each of update and digest: C2 inlines the JDK's
    // hashing code, SHA instructions included, into every call site, and a call site per hash made
    // this method 31 KB of machine code, which other work evicts from the CPU's caches between calls.
    for (int step = 0; step < 4; step++) {
      byte[] input;
      int length;
      if (step == 0) {
        input = payload;
        length = payload.length;
      } else if (step == 1) {
        length = canonicalPrefix.length + 2 * HASH_BYTES;
        input = scratch.text(length);
        System.arraycopy(canonicalPrefix, 0, input, 0, canonicalPrefix.length);
        hexInto(hash, input, canonicalPrefix.length);
      } else if (step == 2) {
        // HMAC's inner hash, of the key's inner pad and the string to sign.
        input = scratch.text(HMAC_BLOCK + ALGORITHM_LINE.length + 20 + day.scopeLine.length + 2 * HASH_BYTES);
        System.arraycopy(day.innerPad, 0, input, 0, HMAC_BLOCK);
        System.arraycopy(ALGORITHM_LINE, 0, input, HMAC_BLOCK, ALGORITHM_LINE.length);
        int at = HMAC_BLOCK + ALGORITHM_LINE.length;
        at += decimalInto(timestampSeconds, input, at);
        System.arraycopy(day.scopeLine, 0, input, at, day.scopeLine.length);
        at += day.scopeLine.length;
        hexInto(hash, input, at);
        length = at + 2 * HASH_BYTES;
      } else {
        // HMAC's outer hash, of the key's outer pad and the inner hash.
        input = scratch.text(HMAC_BLOCK + HASH_BYTES);
        System.arraycopy(day.outerPad, 0, input, 0, HMAC_BLOCK);
        System.arraycopy(hash, 0, input, HMAC_BLOCK, HASH_BYTES);
        length = HMAC_BLOCK + HASH_BYTES;
      }
      digest.update(input, 0, length);
      try {
        digest.digest(hash, 0, HASH_BYTES);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 did not fit its 32 bytes", e);
      }
    }
    char[] header = scratch.header(day.authorizationPrefix.length + 2 * HASH_BYTES);
    System.arraycopy(day.authorizationPrefix, 0, header, 0, day.authorizationPrefix.length);
    for (int i = 0; i < HASH_BYTES; i++) {
      header[day.authorizationPrefix.length + 2 * i] = HEX[(hash[i] >> 4) & 0xf];
      header[day.authorizationPrefix.length + 2 * i + 1] = HEX[hash[i] & 0xf];
    }
    return new String(header, 0, day.authorizationPrefix.length + 2 * HASH_BYTES);
  }

  private DayKey dayKey(Credentials credentials, String service, long epochDay) {
    DayKey cached = dayKey;
    if (cached != null && cached.matches(credentials, service, epochDay)) {
      return cached;
    }
    DayKey fresh = new DayKey(credentials, service, epochDay);
    dayKey = fresh;
    return fresh;
  }

  private byte[] canonicalPrefix(String host, String contentType) {
    CanonicalHeaders cached = canonicalHeaders;
    if (cached != null && cached.host.equals(host) && cached.contentType.equals(contentType)) {
      return cached.bytes;
    }
    CanonicalHeaders fresh = new CanonicalHeaders(host, contentType);
    canonicalHeaders = fresh;
    return fresh.bytes;
  }

  private static void hexInto(byte[] hash, byte[] out, int offset) {
    for (int i = 0; i < HASH_BYTES; i++) {
      out[offset + 2 * i] = (byte) HEX[(hash[i] >> 4) & 0xf];
      out[offset + 2 * i + 1] = (byte) HEX[hash[i] & 0xf];
    }
  }

  /**
   * Writes the decimal digits of {@code value} into {@code out} from {@code offset}, at most 20
   * bytes; returns their count.
   */
  static int decimalInto(long value, byte[] out, int offset) {
    if (value < 0) {
      byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, out, offset, text.length);
      return text.length;
    }
    int length = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      length++;
    }
    long rest = value;
    for (int i = offset + length - 1; i >= offset; i--) {
      out[i] = (byte) ('0' + (rest % 10));
      rest /= 10;
    }
    return length;
  }

  private static final class CanonicalHeaders {
    final String host;
    final String contentType;
    final byte[] bytes;

    CanonicalHeaders(String host, String contentType) {
      this.host = host;
      this.contentType = contentType;
      String request = canonicalRequest(host, contentType, new byte[0]);
      this.bytes = request.substring(0, request.length() - 2 * HASH_BYTES).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final class DayKey {
    final Credentials credentials;
    final String secretId;
    final String secretKey;
    final String service;
    final long epochDay;
    /** The derived key XOR HMAC's inner and outer pad bytes: the first block of each of HMAC's two hashes. */
    final byte[] innerPad;
    final byte[] outerPad;
    /** {@code \n} + scope + {@code \n}: what follows the timestamp in the string to sign. */
    final byte[] scopeLine;
    final char[] authorizationPrefix;

    DayKey(Credentials credentials, String service, long epochDay) {
      this.credentials = credentials;
      this.secretId = credentials.secretId();
      this.secretKey = credentials.secretKey();
      this.service = service;
      this.epochDay = epochDay;
      String date = LocalDate.ofEpochDay(epochDay).toString();
      String scope = date + "/" + service + "/tc3_request";
      byte[] key = deriveSigningKey(secretKey, date, service);
      this.innerPad = pad(key, (byte) 0x36);
      this.outerPad = pad(key, (byte) 0x5c);
      this.scopeLine = ("\n" + scope + "\n").getBytes(StandardCharsets.UTF_8);
      this.authorizationPrefix = (ALGORITHM + " Credential=" + secretId + "/" + scope
          + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=").toCharArray();
    }

    /** @param key at most one block, as a derived key (32 bytes) is */
    private static byte[] pad(byte[] key, byte with) {
      byte[] block = new byte[HMAC_BLOCK];
      Arrays.fill(block, with);
      for (int i = 0; i < key.length; i++) {
        block[i] ^= key[i];
      }
      return block;
    }

    boolean matches(Credentials credentials, String service, long epochDay) {
      if (this.epochDay != epochDay || !this.service.equals(service)) {
        return false;
      }
      return credentials == this.credentials
          || this.secretKey.equals(credentials.secretKey()) && this.secretId.equals(credentials.secretId());
    }
  }

  private static final class Scratch {
    final MessageDigest digest = instance(() -> MessageDigest.getInstance("SHA-256"));
    final Mac mac = instance(() -> Mac.getInstance("HmacSHA256"));
    final byte[] hash = new byte[HASH_BYTES];
    /** What each of a signature's hashes reads: the canonical request, then HMAC's two blocks and messages. */
    byte[] text = new byte[512];
    char[] header = new char[256];

    byte[] text(int length) {
      if (text.length < length) {
        text = new byte[length];
      }
      return text;
    }

    char[] header(int length) {
      if (header.length < length) {
        header = new char[length];
      }
      return header;
    }
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
      Scratch scratch = SCRATCH.get();
      scratch.mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return scratch.mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected its key", e);
    }
  }

  /**
   * @param data bytes
   * @return their SHA-256 digest
   */
  public static byte[] sha256(byte[] data) {
    return SCRATCH.get().digest.digest(data);
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
