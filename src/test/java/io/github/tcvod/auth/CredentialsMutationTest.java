package io.github.tcvod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Trimming, the printable-ASCII rule at its edges, equality and masking. */
class CredentialsMutationTest {
  private static String rejection(String id, String key, String token) {
    return assertThrows(IllegalArgumentException.class, () -> Credentials.of(id, key, token)).getMessage();
  }

  @Test
  void valuesAreTrimmedAndABlankTokenMeansNone() {
    Credentials credentials = Credentials.of("  AKIDid  ", "\tkey\t", "   ");
    assertEquals("AKIDid", credentials.secretId());
    assertEquals("key", credentials.secretKey());
    assertNull(credentials.sessionToken());
    assertEquals("tok", Credentials.of("id", "key", " tok ").sessionToken());
  }

  @Test
  void theEdgesOfPrintableAsciiAreAccepted() {
    Credentials credentials = Credentials.of("a b", "!~", " ~x! ");
    assertEquals("a b", credentials.secretId());
    assertEquals("!~", credentials.secretKey());
    assertEquals("~x!", credentials.sessionToken());
  }

  @Test
  void missingValuesAreRejectedByName() {
    assertEquals("secretId must not be null or blank", rejection(null, "key", null));
    assertEquals("secretKey must not be null or blank", rejection("id", " ", null));
  }

  @Test
  void eachKindOfBadCharacterIsNamedWithItsIndexButNotShown() {
    assertEquals("secretId contains a line break at index 2 (only printable ASCII is allowed; the value is not shown)",
        rejection("ab\ncd", "key", null));
    assertEquals("secretKey contains a line break at index 1 (only printable ASCII is allowed; the value is not shown)",
        rejection("id", "k\rey", null));
    assertEquals("sessionToken contains a control character at index 3 (only printable ASCII is allowed; the value is not shown)",
        rejection("id", "key", "tok\u0001en"));
    assertEquals("secretKey contains a control character at index 0 (only printable ASCII is allowed; the value is not shown)",
        rejection("id", "\u007fkey", null));
    assertEquals("secretKey contains a non-ASCII character at index 1 (only printable ASCII is allowed; the value is not shown)",
        rejection("id", "k\u00e9y", null));
  }

  @Test
  void equalityLooksAtEveryField() {
    Credentials base = Credentials.of("id", "key", "token");
    assertEquals(base, Credentials.of("id", "key", "token"));
    assertEquals(base.hashCode(), Credentials.of("id", "key", "token").hashCode());
    assertNotEquals(base, Credentials.of("id2", "key", "token"));
    assertNotEquals(base, Credentials.of("id", "key2", "token"));
    assertNotEquals(base, Credentials.of("id", "key", "token2"));
    assertNotEquals(base, Credentials.of("id", "key"));
    assertEquals(Credentials.of("id", "key"), Credentials.of("id", "key", null));
    assertNotEquals(base, "id");
    assertNotEquals(base.hashCode(), Credentials.of("id", "key").hashCode());
  }

  @Test
  void toStringMasksTheIdAndHidesKeyAndToken() {
    assertEquals("Credentials(secretId=****, secretKey=****)", Credentials.of("12345678", "key").toString());
    assertEquals("Credentials(secretId=AKID****WXYZ, secretKey=****, sessionToken=****)",
        Credentials.of("AKID1WXYZ", "key", "token").toString());
  }
}
