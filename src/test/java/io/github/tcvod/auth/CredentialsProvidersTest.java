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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsProvidersTest {
  @TempDir
  Path home;

  private final Map<String, String> env = new HashMap<>();

  private Path writeProfileFile(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Test
  void environmentValuesAreTrimmed() {
    env.put("TENCENTCLOUD_SECRET_ID", "  envId \n");
    env.put("TENCENTCLOUD_SECRET_KEY", "\tenvKey ");
    env.put("TENCENTCLOUD_SESSION_TOKEN", " envToken ");
    Credentials credentials = EnvironmentCredentialsProvider.create(env::get).resolveCredentials();
    assertEquals(Credentials.of("envId", "envKey", "envToken"), credentials);
    assertEquals("envKey", credentials.secretKey());
  }

  @Test
  void environmentWithOnlyOneVariableSaysWhichIsMissing() {
    env.put("TENCENTCLOUD_SECRET_ID", "envId");
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> EnvironmentCredentialsProvider.create(env::get).resolveCredentials());
    assertTrue(e.errorMessage().contains("TENCENTCLOUD_SECRET_KEY is not set"), e.errorMessage());
  }

  @Test
  void profileFileDefaultAndNamedProfiles() throws IOException {
    Path file = writeProfileFile(home.resolve(".tencentcloud/credentials"),
        "# comment\n[default]\nsecret_id = fileId \nsecret_key=  fileKey\n\n[prod]\r\nsecret_id=prodId\r\nsecret_key=prodKey\r\ntoken = prodToken\r\n");
    Path resolved = ProfileCredentialsProvider.defaultFile(env::get, home.toString());
    assertEquals(file, resolved);
    Credentials byDefault = ProfileCredentialsProvider.create(resolved, "default").resolveCredentials();
    assertEquals("fileId", byDefault.secretId());
    assertEquals("fileKey", byDefault.secretKey());
    assertNull(byDefault.sessionToken());
    Credentials prod = ProfileCredentialsProvider.create(resolved, "prod").resolveCredentials();
    assertEquals("prodId", prod.secretId());
    assertEquals("prodKey", prod.secretKey());
    assertEquals("prodToken", prod.sessionToken());
    assertEquals(Credentials.of("prodId", "prodKey", "prodToken"), prod);
  }

  @Test
  void credentialsFileVariableWinsOverTheHomeDirectory() throws IOException {
    Path other = writeProfileFile(home.resolve("elsewhere/creds.ini"), "[default]\nsecret_id=a\nsecret_key=b\n");
    env.put("TENCENTCLOUD_CREDENTIALS_FILE", other.toString());
    assertEquals(other, ProfileCredentialsProvider.defaultFile(env::get, home.toString()));
  }

  @Test
  void profileErrorsNameFileProfileAndProblem() throws IOException {
    Path file = writeProfileFile(home.resolve("c"), "[default]\nsecret_id=onlyId\n");
    CredentialsException missingKey = assertThrows(CredentialsException.class,
        () -> ProfileCredentialsProvider.create(file, "default").resolveCredentials());
    assertEquals("profile [default] of " + file + ": secret_key is missing", missingKey.errorMessage());
    CredentialsException noProfile = assertThrows(CredentialsException.class,
        () -> ProfileCredentialsProvider.create(file, "staging").resolveCredentials());
    assertEquals("profile [staging] of " + file + ": no such profile", noProfile.errorMessage());
  }

  @Test
  void chainPrefersTheEnvironmentThenTheFile() throws IOException {
    writeProfileFile(home.resolve(".tencentcloud/credentials"), "[default]\nsecret_id=fileId\nsecret_key=fileKey\n");
    assertEquals("fileId", DefaultCredentialsProvider.create(env::get, home.toString(), "default").resolveCredentials().secretId());
    env.put("TENCENTCLOUD_SECRET_ID", "envId");
    env.put("TENCENTCLOUD_SECRET_KEY", "envKey");
    assertEquals("envId", DefaultCredentialsProvider.create(env::get, home.toString(), "default").resolveCredentials().secretId());
  }

  @Test
  void chainErrorNamesEveryPlaceItLooked() {
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> DefaultCredentialsProvider.builder().environment(env::get).home(home.toString())
            .metadataUrl("http://127.0.0.1:1/latest/meta-data/cam/security-credentials/").build().resolveCredentials());
    String message = e.errorMessage();
    assertTrue(message.contains("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set"), message);
    assertTrue(message.contains(home.resolve(".tencentcloud/credentials").toString() + ": file not found"), message);
    assertTrue(message.contains("/etc/tencentcloud/credentials"), message);
    assertEquals(CredentialsException.CODE, e.errorCode());
    assertFalse(e.isRetryable());
  }

  @Test
  void secretsNeverAppearInToString() {
    Credentials credentials = Credentials.of("AKIDabcdefghijklmnop", "verySecretKeyValue", "sessionTokenValue");
    String text = credentials.toString();
    assertFalse(text.contains("verySecretKeyValue"), text);
    assertFalse(text.contains("sessionTokenValue"), text);
    assertFalse(text.contains("AKIDabcdefghijklmnop"), text);
    assertTrue(text.startsWith("Credentials(secretId=AKID****mnop"), text);
  }

  @Test
  void blankValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Credentials.of(" ", "key"));
    assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", null));
    assertNull(Credentials.of("id", "key", "  ").sessionToken());
  }
}
