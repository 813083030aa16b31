package io.github.tcvod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.exception.CredentialsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tccli dialect of credentials files, key rotation, and what a secret may contain. */
class CredentialsFileAndValidationTest {
  @TempDir
  Path dir;

  private Credentials read(String text, String profile) throws IOException {
    Path file = Files.write(dir.resolve("credentials"), text.getBytes(StandardCharsets.UTF_8));
    return ProfileCredentialsProvider.create(file, profile).resolveCredentials();
  }

  private static void assertFields(String id, String key, String token, Credentials credentials) {
    assertEquals(id, credentials.secretId(), "secret id");
    assertEquals(key, credentials.secretKey(), "secret key");
    assertEquals(token, credentials.sessionToken(), "token");
  }

  @Test
  void aByteOrderMarkIsIgnored() throws IOException {
    assertFields("bomId", "bomKey", null, read("\uFEFF[default]\nsecret_id = bomId\nsecret_key = bomKey\n", "default"));
  }

  @Test
  void quotesAreRemovedAndKeepCommentCharacters() throws IOException {
    assertFields("quotedId", "key;with#marks", "tok",
        read("[default]\nsecret_id = \"quotedId\"\nsecret_key = 'key;with#marks'  # comment\ntoken=\"tok\"\n", "default"));
  }

  @Test
  void inlineCommentsAfterWhitespaceAreDropped() throws IOException {
    assertFields("commentId", "commentKey", "commentToken",
        read("[default] ; the default profile\nsecret_id = commentId ; from the console\n"
            + "secret_key = commentKey\t# rotated monthly\ntoken = commentToken #\n", "default"));
  }

  @Test
  void aCommentCharacterInsideAValueWithoutWhitespaceIsPartOfIt() throws IOException {
    assertFields("id#1", "key;2", null, read("[default]\nsecret_id = id#1\nsecret_key = key;2\n", "default"));
  }

  @Test
  void keysAreCaseInsensitiveColonsDelimitAndSectionsMayCarryComments() throws IOException {
    assertFields("prodId", "prodKey", "prodToken",
        read("[default]\nsecret_id=a\nsecret_key=b\n[prod] # production\nSECRET_ID: prodId\nSecret_Key = prodKey\nTOKEN=prodToken\n", "prod"));
  }

  @Test
  void aProfileWhoseValueIsOnlyACommentIsMissing() throws IOException {
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> read("[default]\nsecret_id = ; to do\nsecret_key = k\n", "default"));
    assertTrue(e.errorMessage().endsWith("secret_id is missing"), e.errorMessage());
  }

  @Test
  void theFileIsReadAgainWhenItChanges() throws IOException {
    Path file = Files.write(dir.resolve("rotating"), "[default]\nsecret_id=oldId\nsecret_key=oldKey\n".getBytes(StandardCharsets.UTF_8));
    ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(file, "default");
    assertFields("oldId", "oldKey", null, provider.resolveCredentials());
    Files.write(file, "[default]\nsecret_id=newId\nsecret_key=newKey2\ntoken=t\n".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertFields("newId", "newKey2", "t", provider.resolveCredentials());
  }

  @Test
  void anUnchangedFileIsNotParsedAgain() throws IOException {
    Path file = Files.write(dir.resolve("same"), "[default]\nsecret_id=sameId\nsecret_key=sameKey\n".getBytes(StandardCharsets.UTF_8));
    ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(file, "default");
    Credentials first = provider.resolveCredentials();
    assertTrue(first == provider.resolveCredentials(), "the cached credentials are returned while the file is unchanged");
  }

  @Test
  void aRemovedFileIsReportedNotServedFromCache() throws IOException {
    Path file = Files.write(dir.resolve("gone"), "[default]\nsecret_id=i\nsecret_key=k\n".getBytes(StandardCharsets.UTF_8));
    ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(file, "default");
    provider.resolveCredentials();
    Files.delete(file);
    CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials);
    assertTrue(e.errorMessage().endsWith("file not found"), e.errorMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tok\r\nX-Injected: 1", "tok\nen", "tok\u0000en", "tok\u007fen", "tok\u00e9n", "tok\u2028en"})
  void aTokenThatCannotTravelInAHeaderIsRefusedWithoutEchoingIt(String token) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", "key", token));
    assertTrue(e.getMessage().startsWith("sessionToken contains "), e.getMessage());
    assertFalse(e.getMessage().contains("tok"), e.getMessage());
  }

  @Test
  void eachFieldIsNamedAndThePositionGiven() {
    IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> Credentials.of("AKID\u00e9x", "key"));
    assertEquals("secretId contains a non-ASCII character at index 4 (only printable ASCII is allowed; the value is not shown)",
        id.getMessage());
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", "se\ncret"));
    assertEquals("secretKey contains a line break at index 2 (only printable ASCII is allowed; the value is not shown)",
        key.getMessage());
    IllegalArgumentException control = assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", "k", "a\tb"));
    assertTrue(control.getMessage().startsWith("sessionToken contains a control character at index 1"), control.getMessage());
  }

  @Test
  void theEdgesOfPrintableAsciiAreAccepted() {
    assertFields("a b", "~~", "x y~", Credentials.of("a b", "~~", "x y~"));
    IllegalArgumentException unitSeparator = assertThrows(IllegalArgumentException.class, () -> Credentials.of("a\u001fb", "k"));
    assertTrue(unitSeparator.getMessage().startsWith("secretId contains a control character at index 1"), unitSeparator.getMessage());
    IllegalArgumentException delete = assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", "k\u007f"));
    assertTrue(delete.getMessage().startsWith("secretKey contains a control character at index 1"), delete.getMessage());
    IllegalArgumentException latin = assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", "k\u0080"));
    assertTrue(latin.getMessage().startsWith("secretKey contains a non-ASCII character at index 1"), latin.getMessage());
  }

  @Test
  void surroundingWhitespaceIsStillTrimmedAndPrintableAsciiAccepted() {
    assertFields("AKID-._~+/=", "k!\"#$%&'()*,:;<>?@[\\]^`{|}", null, Credentials.of(" AKID-._~+/= \n", "\tk!\"#$%&'()*,:;<>?@[\\]^`{|}\r\n"));
  }

  @Test
  void aBadValueInTheFileIsACredentialsExceptionNamingFileAndField() {
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> read("[default]\nsecret_id=id\nsecret_key=k\u00e9y\n", "default"));
    assertTrue(e.errorMessage().startsWith("profile [default] of "), e.errorMessage());
    assertTrue(e.errorMessage().contains("secretKey contains a non-ASCII character"), e.errorMessage());
    assertFalse(e.getMessage().contains("k\u00e9y"), e.getMessage());
  }

  @Test
  void aBadValueInTheEnvironmentIsACredentialsExceptionNamingTheVariables() {
    Map<String, String> env = new HashMap<>();
    env.put("TENCENTCLOUD_SECRET_ID", "id");
    env.put("TENCENTCLOUD_SECRET_KEY", "key");
    env.put("TENCENTCLOUD_SESSION_TOKEN", "xyzzy\u0007plugh");
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> EnvironmentCredentialsProvider.create(env::get).resolveCredentials());
    assertTrue(e.errorMessage().contains("TENCENTCLOUD_SESSION_TOKEN"), e.errorMessage());
    assertTrue(e.errorMessage().contains("sessionToken contains a control character at index 5"), e.errorMessage());
    assertFalse(e.getMessage().contains("xyzzy") || e.getMessage().contains("plugh"), e.getMessage());
    assertNull(e.getCause());
  }
}
