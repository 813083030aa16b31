package io.github.tcvod.internal.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The static hash helpers and authorization() share one Mac per thread: neither may leave the other a wrong key. */
class SharedEnginesTest {
  private static final Credentials KEY = Credentials.of("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  @Test
  void anHmacOnTheSameThreadBetweenTwoSignaturesOfTheSameDayChangesNeither() {
    Tc3Signer signer = Tc3Signer.create();
    String first = signer.authorization(KEY, "vod", 1551113065L, "vod.tencentcloudapi.com", "application/json", BODY);
    byte[] other = DefaultTc3Signer.hmacSha256("another key".getBytes(StandardCharsets.UTF_8), "data");
    String second = signer.authorization(KEY, "vod", 1551113065L, "vod.tencentcloudapi.com", "application/json", BODY);
    assertEquals(first, second);
    assertEquals(DefaultTc3Signer.hex(other),
        DefaultTc3Signer.hex(DefaultTc3Signer.hmacSha256("another key".getBytes(StandardCharsets.UTF_8), "data")));
    assertEquals(DefaultTc3Signer.hex(DefaultTc3Signer.sha256(BODY)), DefaultTc3Signer.hex(DefaultTc3Signer.sha256(BODY)));
  }
}
