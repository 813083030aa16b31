package io.github.tcvod.internal.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The published vectors of the API 3.0 "Signature v3" page (see shared/reference/protocol.md). */
class DefaultTc3SignerTest {
  private static final Credentials EXAMPLE =
      Credentials.of("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
  private static final long TIMESTAMP = 1551113065L;
  private static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final String HOST = "cvm.tencentcloudapi.com";
  private static final byte[] BODY =
      "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void bodyOfTheVectorIsThe86PublishedBytes() {
    assertEquals(86, BODY.length);
    assertEquals("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
        DefaultTc3Signer.hex(DefaultTc3Signer.sha256(BODY)));
  }

  @Test
  void canonicalRequestHashMatchesTheVector() {
    String canonical = DefaultTc3Signer.canonicalRequest(HOST, CONTENT_TYPE, BODY);
    assertEquals("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
        DefaultTc3Signer.hex(DefaultTc3Signer.sha256(canonical.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void authorizationMatchesThePublishedVector() {
    String authorization = Tc3Signer.create().authorization(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, BODY);
    assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
        + "SignedHeaders=content-type;host, "
        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", authorization);
  }

  /** The current page masks its key, so the chain is checked from the published SecretDate on. */
  @Test
  void derivedKeysAndSignatureMatchTheCurrentRevisionOfThePage() {
    byte[] secretDate = unhex("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
    byte[] secretService = DefaultTc3Signer.hmacSha256(secretDate, "cvm");
    assertEquals("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f", DefaultTc3Signer.hex(secretService));
    byte[] secretSigning = DefaultTc3Signer.hmacSha256(secretService, "tc3_request");
    assertEquals("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af", DefaultTc3Signer.hex(secretSigning));
    String stringToSign = DefaultTc3Signer.stringToSign(TIMESTAMP, "2019-02-25/cvm/tc3_request", "unused");
    String published = "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
        + "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84";
    assertEquals(published.substring(0, published.lastIndexOf('\n')), stringToSign.substring(0, stringToSign.lastIndexOf('\n')));
    assertEquals("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f",
        DefaultTc3Signer.hex(DefaultTc3Signer.hmacSha256(secretSigning, published)));
  }

  @Test
  void derivedKeyOfTheOlderRevisionReproducesItsSignature() {
    byte[] key = DefaultTc3Signer.deriveSigningKey(EXAMPLE.secretKey(), "2019-02-25", "cvm");
    String stringToSign = DefaultTc3Signer.stringToSign(TIMESTAMP, "2019-02-25/cvm/tc3_request",
        DefaultTc3Signer.canonicalRequest(HOST, CONTENT_TYPE, BODY));
    assertEquals("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
        DefaultTc3Signer.hex(DefaultTc3Signer.hmacSha256(key, stringToSign)));
  }

  private static byte[] unhex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @Test
  void dateOfTheScopeIsTheUtcDate() {
    assertEquals("2019-02-25", DefaultTc3Signer.utcDate(TIMESTAMP));
    assertEquals("2026-11-23", DefaultTc3Signer.utcDate(1795478399L));
    assertEquals("2026-11-24", DefaultTc3Signer.utcDate(1795478400L));
    assertEquals("1969-12-31", DefaultTc3Signer.utcDate(-1L));
  }

  @Test
  void cachedKeyIsNotReusedForAnotherDayKeyOrService() {
    Tc3Signer signer = Tc3Signer.create();
    String first = signer.authorization(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, BODY);
    String nextDay = signer.authorization(EXAMPLE, "cvm", TIMESTAMP + 86_400, HOST, CONTENT_TYPE, BODY);
    String otherService = signer.authorization(EXAMPLE, "vod", TIMESTAMP, HOST, CONTENT_TYPE, BODY);
    String otherKey = signer.authorization(Credentials.of(EXAMPLE.secretId(), "another-key"), "cvm",
        TIMESTAMP, HOST, CONTENT_TYPE, BODY);
    String again = signer.authorization(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, BODY);

    assertEquals(first, again);
    assertEquals(first, Tc3Signer.create().authorization(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, BODY));
    assertNotEquals(signature(first), signature(nextDay));
    assertNotEquals(signature(first), signature(otherService));
    assertNotEquals(signature(first), signature(otherKey));
    assertEquals(fresh("cvm", TIMESTAMP + 86_400, EXAMPLE), nextDay);
  }

  /** What one signer keeps between calls (scope, canonical headers, keyed Mac) never leaks into another input's signature. */
  @Test
  void everyCachedPartFollowsItsInput() {
    Tc3Signer signer = Tc3Signer.create();
    Credentials otherId = Credentials.of("AKIDanotherid", EXAMPLE.secretKey());
    String[][] inputs = {
        {HOST, CONTENT_TYPE}, {"vod.tencentcloudapi.com", CONTENT_TYPE}, {HOST, "application/json"},
        // longer than the signer's scratch space, then short again
        {"h".repeat(700) + ".example.com", CONTENT_TYPE}, {HOST, CONTENT_TYPE}};
    for (long timestamp : new long[] {TIMESTAMP, TIMESTAMP + 1, TIMESTAMP + 86_400, 9_999_999_999L, 0L}) {
      for (String[] input : inputs) {
        for (Credentials credentials : new Credentials[] {EXAMPLE, otherId, EXAMPLE}) {
          assertEquals(reference(credentials, "cvm", timestamp, input[0], input[1], BODY),
              signer.authorization(credentials, "cvm", timestamp, input[0], input[1], BODY));
        }
      }
    }
    // A string to sign and an Authorization header longer than the scratch space, then short ones again.
    Credentials longId = Credentials.of("AKID" + "x".repeat(300), EXAMPLE.secretKey());
    for (String service : new String[] {"s".repeat(600), "cvm"}) {
      for (Credentials credentials : new Credentials[] {longId, EXAMPLE}) {
        assertEquals(reference(credentials, service, TIMESTAMP, HOST, CONTENT_TYPE, BODY),
            signer.authorization(credentials, service, TIMESTAMP, HOST, CONTENT_TYPE, BODY));
      }
    }
    byte[] otherBody = "{}".getBytes(StandardCharsets.US_ASCII);
    assertEquals(reference(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, otherBody),
        signer.authorization(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, otherBody));
    assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
        + "SignedHeaders=content-type;host, "
        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
        signer.authorization(EXAMPLE, "cvm", TIMESTAMP, HOST, CONTENT_TYPE, BODY));
  }

  /**
   * On a thread of its own, whose scratch space is new: a string to sign and an Authorization header
   * longer than that space must fit what the signer sizes for them (another test's long host would
   * have grown it already on a shared thread).
   */
  @Test
  void aLongScopeAndSecretIdFitOnAThreadOfTheirOwn() throws Exception {
    Credentials longId = Credentials.of("AKID" + "x".repeat(300), EXAMPLE.secretKey());
    String service = "s".repeat(600);
    java.util.concurrent.FutureTask<String> signing = new java.util.concurrent.FutureTask<>(
        () -> Tc3Signer.create().authorization(longId, service, TIMESTAMP, HOST, CONTENT_TYPE, BODY));
    Thread thread = new Thread(signing, "fresh-scratch");
    thread.setDaemon(true);
    thread.start();
    assertEquals(reference(longId, service, TIMESTAMP, HOST, CONTENT_TYPE, BODY),
        signing.get(10, java.util.concurrent.TimeUnit.SECONDS));
  }

  /** The steps of the page, one string each, as the published vectors check them. */
  private static String reference(Credentials credentials, String service, long timestamp, String host,
      String contentType, byte[] body) {
    String date = DefaultTc3Signer.utcDate(timestamp);
    String scope = date + "/" + service + "/tc3_request";
    String stringToSign = DefaultTc3Signer.stringToSign(timestamp, scope,
        DefaultTc3Signer.canonicalRequest(host, contentType, body));
    String signature = DefaultTc3Signer.hex(DefaultTc3Signer.hmacSha256(
        DefaultTc3Signer.deriveSigningKey(credentials.secretKey(), date, service), stringToSign));
    return "TC3-HMAC-SHA256 Credential=" + credentials.secretId() + "/" + scope
        + ", SignedHeaders=content-type;host, Signature=" + signature;
  }

  private static String fresh(String service, long timestamp, Credentials credentials) {
    return new DefaultTc3Signer().authorization(credentials, service, timestamp, HOST, CONTENT_TYPE, BODY);
  }

  private static String signature(String authorization) {
    return authorization.substring(authorization.indexOf("Signature=") + 10);
  }
}
