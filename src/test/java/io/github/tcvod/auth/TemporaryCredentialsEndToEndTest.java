package io.github.tcvod.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.emulator.CredentialsEmulator;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.sts.model.AssumeRoleResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary credentials from each provider sign real VOD calls: the token reaches
 * {@code X-TC-Token}, a refresh brings the next one, and no temporary key or token appears in
 * a log line, an exception or a {@code toString()}.
 */
class TemporaryCredentialsEndToEndTest {
  @RegisterExtension
  static WireMockExtension vod = VodTestServer.wireMock();

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.now());
  private final CredentialsEmulator emulator = CredentialsEmulator.start(clock);
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<String> produced = new ArrayList<>();

  @AfterEach
  void stop() {
    emulator.close();
  }

  private VodClient client(CredentialsProvider provider) {
    vod.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withBody(VodTestServer.resource("seed/describe-response.json"))));
    return VodTestServer.clientOf(vod.getPort()).credentialsProvider(provider).requestLogger(log::add).build();
  }

  private void describe(VodClient client) {
    produced.add(String.valueOf(client.describeProcessImageAsyncTemplates(
        DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).build())));
  }

  private static String lastToken() {
    List<LoggedRequest> requests = vod.findAll(anyRequestedFor(anyUrl()));
    LoggedRequest last = requests.get(requests.size() - 1);
    assertTrue(last.getHeader("Authorization").startsWith("TC3-HMAC-SHA256 Credential=AKIDtmp"), last.getHeader("Authorization"));
    return last.getHeader("X-TC-Token");
  }

  private void assertNoSecretIn(List<String> texts) {
    for (String text : texts) {
      for (int n = 1; n <= 3; n++) {
        assertFalse(text.contains("tmpKey" + n), "a temporary secret key leaked: " + text);
        assertFalse(text.contains("token" + n), "a session token leaked: " + text);
      }
      assertFalse(text.contains(CredentialsEmulator.SOURCE_KEY), "the source key leaked: " + text);
      assertFalse(text.contains("oidc-token-1"), "the web identity token leaked: " + text);
    }
  }

  private void runThrough(CredentialsProvider provider) {
    try (VodClient client = client(provider)) {
      describe(client);
      assertEquals("token1", lastToken());
      clock.advance(Duration.ofHours(2));
      describe(client);
      assertEquals("token2", lastToken(), "the refreshed credentials sign the next call");
      clock.advance(Duration.ofHours(2));
      emulator.failWithStatus(503);
      CredentialsException e = assertThrows(CredentialsException.class, () -> describe(client));
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      produced.add(trace.toString());
      assertEquals(2, vod.findAll(anyRequestedFor(anyUrl())).size(), "no VOD call without credentials");
    }
    produced.add(provider.toString());
    produced.addAll(log);
    assertTrue(log.stream().anyMatch(line -> line.contains("X-TC-Token: <redacted>")), String.join("\n", log));
    assertNoSecretIn(produced);
  }

  @Test
  void cvmRole() {
    try (CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder().metadataUrl(emulator.metadataUrl())
        .clock(clock).build()) {
      runThrough(provider);
    }
  }

  @Test
  void stsAssumeRole() {
    try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
        .roleArn("qcs::cam::uin/100000000001:roleName/r").endpoint(emulator.stsEndpoint()).clock(clock)
        .source(CredentialsProvider.of(Credentials.of(CredentialsEmulator.SOURCE_ID, CredentialsEmulator.SOURCE_KEY)))
        .build()) {
      runThrough(provider);
    }
  }

  @Test
  void oidcWebIdentity() throws Exception {
    Path token = Files.write(dir.resolve("token"), "oidc-token-1".getBytes(StandardCharsets.UTF_8));
    try (OidcRoleArnCredentialsProvider provider = OidcRoleArnCredentialsProvider.builder().providerId("p")
        .roleArn("qcs::cam::uin/100000000001:roleName/r").tokenFile(token).endpoint(emulator.stsEndpoint())
        .clock(clock).build()) {
      runThrough(provider);
    }
  }

  @Test
  void aProviderReturningNullIsACredentialsExceptionAndNothingIsSent() {
    try (VodClient client = client(() -> null)) {
      CredentialsException e = assertThrows(CredentialsException.class, () -> describe(client));
      assertTrue(e.errorMessage().endsWith("returned no credentials"), e.errorMessage());
    }
    assertEquals(0, vod.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void stsModelsMaskSecretsInToString() {
    AssumeRoleResponse response = io.github.tcvod.internal.Json.GSON.fromJson(
        "{\"Credentials\":{\"Token\":\"token1\",\"TmpSecretId\":\"AKIDtmp1\",\"TmpSecretKey\":\"tmpKey1\"},\"ExpiredTime\":1}",
        AssumeRoleResponse.class);
    assertEquals("tmpKey1", response.credentials().tmpSecretKey());
    String text = response.toString();
    assertTrue(text.contains("TmpSecretId=AKIDtmp1"), text);
    assertNoSecretIn(List.of(text));
  }
}
