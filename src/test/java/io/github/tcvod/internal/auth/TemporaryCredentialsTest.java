package io.github.tcvod.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcvod.exception.CredentialsException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemporaryCredentialsTest {
  private static final long YEAR_9999_END = 253402300799L;

  private static String refusal(String id, String key, String token, Long expiredTime) {
    return assertThrows(CredentialsException.class, () -> TemporaryCredentials.of("src", id, key, token, expiredTime))
        .errorMessage();
  }

  @Test
  void eachMissingFieldIsNamed() {
    assertEquals("src: the answer has no TmpSecretId", refusal(null, "k", "t", 1L));
    assertEquals("src: the answer has no TmpSecretKey", refusal("i", " ", "t", 1L));
    assertEquals("src: the answer has no Token", refusal("i", "k", "", 1L));
    assertEquals("src: the answer has no ExpiredTime", refusal("i", "k", "t", null));
  }

  @Test
  void expiredTimeMustBeATime() {
    assertEquals("src: the answer has no ExpiredTime", refusal("i", "k", "t", 0L));
    assertEquals("src: the answer has no ExpiredTime", refusal("i", "k", "t", YEAR_9999_END + 1));
    assertEquals(Instant.ofEpochSecond(1), TemporaryCredentials.of("src", "i", "k", "t", 1L).expiry);
    assertEquals(Instant.parse("9999-12-31T23:59:59Z"), TemporaryCredentials.of("src", "i", "k", "t", YEAR_9999_END).expiry);
  }

  @Test
  void fieldsAreKeptAndAnInvalidOneIsRefusedWithoutItsValue() {
    RefreshingCredentials.Expiring issued = TemporaryCredentials.of("src", "AKIDtmp", "tmpKey", "tok", 1769422909L);
    assertEquals("AKIDtmp", issued.credentials.secretId());
    assertEquals("tmpKey", issued.credentials.secretKey());
    assertEquals("tok", issued.credentials.sessionToken());
    String message = refusal("AKIDtmp", "tmpKey", "secret\ntoken", 1L);
    assertEquals("src: the answer's credentials are invalid: sessionToken contains a line break at index 6"
        + " (only printable ASCII is allowed; the value is not shown)", message);
    assertFalse(message.contains("secret\n"));
  }
}
