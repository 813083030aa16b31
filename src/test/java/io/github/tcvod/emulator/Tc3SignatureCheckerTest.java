package io.github.tcvod.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker against the published vector of the "Signature v3" page, and against tampering. */
class Tc3SignatureCheckerTest {
  private static final String ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
  private static final Tc3SignatureChecker CHECKER =
      new Tc3SignatureChecker(Collections.singletonMap(ID, "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"), "cvm");
  private static final Instant SIGNED_AT = Instant.ofEpochSecond(1551113065L);
  private static final byte[] BODY =
      "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
          .getBytes(StandardCharsets.US_ASCII);

  private static Map<String, String> vectorHeaders() {
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/json; charset=utf-8");
    headers.put("host", "cvm.tencentcloudapi.com");
    headers.put("x-tc-timestamp", "1551113065");
    headers.put("authorization", "TC3-HMAC-SHA256 Credential=" + ID + "/2019-02-25/cvm/tc3_request, "
        + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    return headers;
  }

  private static Tc3SignatureChecker.Verdict check(Map<String, String> headers, byte[] body, Instant now) {
    return CHECKER.check(name -> headers.get(name.toLowerCase()), body, now);
  }

  @Test
  void publishedVectorIsValid() {
    assertTrue(check(vectorHeaders(), BODY, SIGNED_AT).valid());
    assertTrue(check(vectorHeaders(), BODY, SIGNED_AT.plusSeconds(300)).valid());
  }

  @Test
  void changedBodyOrHostFailsTheSignature() {
    byte[] body = BODY.clone();
    body[10] = '2';
    assertEquals("AuthFailure.SignatureFailure", check(vectorHeaders(), body, SIGNED_AT).code);
    Map<String, String> headers = vectorHeaders();
    headers.put("host", "cvm.intl.tencentcloudapi.com");
    assertEquals("AuthFailure.SignatureFailure", check(headers, BODY, SIGNED_AT).code);
  }

  @Test
  void timestampMoreThanFiveMinutesOffExpires() {
    assertEquals("AuthFailure.SignatureExpire", check(vectorHeaders(), BODY, SIGNED_AT.plusSeconds(301)).code);
    assertEquals("AuthFailure.SignatureExpire", check(vectorHeaders(), BODY, SIGNED_AT.minusSeconds(301)).code);
  }

  @Test
  void wrongScopeOrUnknownKeyIsRefused() {
    Map<String, String> headers = vectorHeaders();
    headers.put("authorization", headers.get("authorization").replace("/cvm/", "/vod/"));
    assertEquals("AuthFailure.SignatureFailure", check(headers, BODY, SIGNED_AT).code);
    headers = vectorHeaders();
    headers.put("authorization", headers.get("authorization").replace("2019-02-25", "2019-02-24"));
    assertEquals("AuthFailure.SignatureFailure", check(headers, BODY, SIGNED_AT).code);
    headers = vectorHeaders();
    headers.put("authorization", headers.get("authorization").replace(ID, "AKIDunknown"));
    assertEquals("AuthFailure.SecretIdNotFound", check(headers, BODY, SIGNED_AT).code);
    headers.remove("authorization");
    assertEquals("AuthFailure.InvalidAuthorization", check(headers, BODY, SIGNED_AT).code);
  }
}
