package io.github.tcvod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tcvod.emulator.CredentialsEmulator;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.VodServiceException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CVM role, STS AssumeRole and OIDC providers against {@link CredentialsEmulator} on 127.0.0.1. */
class TemporaryCredentialsProvidersTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(30);
  private static final String ROLE_ARN = "qcs::cam::uin/100000000001:roleName/tcvod-test-role";

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.now());
  private final CredentialsEmulator emulator = CredentialsEmulator.start(clock);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() throws InterruptedException {
    emulator.close();
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
  }

  private CvmRoleCredentialsProvider cvm() {
    return CvmRoleCredentialsProvider.builder().metadataUrl(emulator.metadataUrl()).clock(clock).build();
  }

  private StsAssumeRoleCredentialsProvider assumeRole() {
    return StsAssumeRoleCredentialsProvider.builder().roleArn(ROLE_ARN).roleSessionName("session-1")
        .duration(Duration.ofMinutes(30)).endpoint(emulator.stsEndpoint()).clock(clock)
        .source(CredentialsProvider.of(Credentials.of(CredentialsEmulator.SOURCE_ID, CredentialsEmulator.SOURCE_KEY)))
        .build();
  }

  private Path tokenFile(String token) throws IOException {
    return Files.write(dir.resolve("token"), token.getBytes(StandardCharsets.UTF_8));
  }

  private OidcRoleArnCredentialsProvider oidc(Path tokenFile) {
    return OidcRoleArnCredentialsProvider.builder().providerId("tke-oidc").roleArn(ROLE_ARN).tokenFile(tokenFile)
        .roleSessionName("pod-1").region("ap-shanghai").endpoint(emulator.stsEndpoint()).clock(clock).build();
  }

  private static void assertIssued(int n, Credentials credentials) {
    assertEquals("AKIDtmp" + n, credentials.secretId());
    assertEquals("tmpKey" + n, credentials.secretKey());
    assertEquals("token" + n, credentials.sessionToken());
  }

  // ---- CVM role

  @Test
  void cvmRoleAsksTheRoleThenItsCredentialsAndCachesThem() {
    try (CvmRoleCredentialsProvider provider = cvm()) {
      assertIssued(1, provider.resolveCredentials());
      assertIssued(1, provider.resolveCredentials());
      List<LoggedRequest> requests = emulator.requests();
      assertEquals(2, requests.size());
      assertEquals(CredentialsEmulator.METADATA_PATH, requests.get(0).getUrl());
      assertEquals(CredentialsEmulator.METADATA_PATH + CredentialsEmulator.ROLE, requests.get(1).getUrl());
      assertEquals("GET", requests.get(1).getMethod().getName());
    }
  }

  @Test
  void cvmRoleRefreshesOnceForManyThreadsWhenExpired() {
    // The held request must outlast a loaded machine's pauses, not the default 1 s of a metadata read.
    try (CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder().metadataUrl(emulator.metadataUrl())
        .clock(clock).timeout(Duration.ofSeconds(10)).build()) {
      provider.resolveCredentials();
      clock.advance(Duration.ofHours(3));
      emulator.hold();
      List<Future<Credentials>> results = new ArrayList<>();
      assertTimeoutPreemptively(WATCHDOG, () -> {
        for (int i = 0; i < 12; i++) {
          results.add(threads.submit(provider::resolveCredentials));
        }
        while (emulator.metadataCalls() < 3) {
          Thread.sleep(5);
        }
        Thread.sleep(100);
        emulator.release();
        for (Future<Credentials> result : results) {
          assertIssued(2, result.get());
        }
      });
      assertEquals(4, emulator.metadataCalls(), "two requests for the first fetch, two for the one refresh");
    }
  }

  @Test
  void cvmRoleKeepsStillValidCredentialsWhenTheServiceFails() {
    try (CvmRoleCredentialsProvider provider = cvm()) {
      assertIssued(1, provider.resolveCredentials());
      clock.advance(Duration.ofMinutes(116));  // inside the 5-minute margin of a 2-hour lifetime
      emulator.failWithStatus(500);
      assertIssued(1, provider.resolveCredentials());
      clock.advance(Duration.ofMinutes(5));
      CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials);
      assertTrue(e.errorMessage().contains("CVM role (metadata service " + emulator.metadataUrl() + ")"), e.errorMessage());
      assertTrue(e.errorMessage().contains("expired"), e.errorMessage());
      assertTrue(e.getCause().getMessage().contains("HTTP 500"), e.getCause().getMessage());
      assertFalse(e.getMessage().contains("tmpKey1") || e.getMessage().contains("token1"), e.getMessage());
    }
  }

  /** A Code that is no string is no "Success": an object, an array or a number was taken as one. */
  @Test
  void cvmRoleAnswerWhoseCodeIsNotAStringIsRefused() {
    com.google.gson.JsonObject object = new com.google.gson.JsonObject();
    object.addProperty("Success", true);
    com.google.gson.JsonArray array = new com.google.gson.JsonArray();
    array.add("Success");
    for (com.google.gson.JsonElement code : new com.google.gson.JsonElement[] {object, array,
        new com.google.gson.JsonPrimitive(0)}) {
      emulator.metadataCode(code);
      try (CvmRoleCredentialsProvider provider = cvm()) {
        CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials, code.toString());
        assertTrue(e.getCause().getMessage().contains("the metadata service answered Code"), e.getCause().getMessage());
      }
    }
    emulator.metadataCode(new com.google.gson.JsonPrimitive("Success"));
    try (CvmRoleCredentialsProvider provider = cvm()) {
      assertIssued(4, provider.resolveCredentials());  // the emulator issued three sets, each refused
    }
  }

  @Test
  void cvmRoleAnswerWithAnotherCodeIsRefused() {
    emulator.failWith("InternalError");
    try (CvmRoleCredentialsProvider provider = cvm()) {
      CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials);
      assertTrue(e.getCause().getMessage().contains("Code InternalError"), e.getCause().getMessage());
    }
  }

  @Test
  void cvmRoleWithATimeoutUnderAMillisecondStillTimesOut() throws IOException {
    // Truncated to 0 ms, every timeout of its HTTP client, the call timeout included, meant "none":
    // a metadata service that never answers held resolveCredentials(), and so every call, forever.
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
      threads.submit(() -> {
        while (!silent.isClosed()) {
          accepted.add(silent.accept());
        }
        return null;
      });
      CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder()
          .metadataUrl("http://127.0.0.1:" + silent.getLocalPort() + CredentialsEmulator.METADATA_PATH)
          .timeout(Duration.ofNanos(500_000)).clock(clock).build();
      assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(CredentialsException.class, provider::resolveCredentials));
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void cvmRoleGivesUpQuicklyOnAMetadataServiceThatNeverAnswers() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
      threads.submit(() -> {
        while (!silent.isClosed()) {
          accepted.add(silent.accept());
        }
        return null;
      });
      CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder()
          .metadataUrl("http://127.0.0.1:" + silent.getLocalPort() + CredentialsEmulator.METADATA_PATH)
          .timeout(Duration.ofMillis(300)).clock(clock).build();
      long start = System.nanoTime();
      CredentialsException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(CredentialsException.class,
          provider::resolveCredentials));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= 250, "the read timeout was waited for: " + millis + " ms");
      assertTrue(millis < 10_000, "bounded by the 300 ms timeouts, not the defaults of a general client: " + millis + " ms");
      assertTrue(e.getCause().getMessage().contains("did not answer"), e.getCause().getMessage());
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void cvmRoleWithANamedRoleSkipsTheRoleLookup() {
    try (CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder().metadataUrl(emulator.metadataUrl())
        .roleName(" " + CredentialsEmulator.ROLE + " ").clock(clock).build()) {
      assertIssued(1, provider.resolveCredentials());
      assertEquals(1, emulator.metadataCalls());
      assertEquals(CredentialsEmulator.METADATA_PATH + CredentialsEmulator.ROLE, emulator.requests().get(0).getUrl());
      assertTrue(provider.toString().contains("role " + CredentialsEmulator.ROLE), provider.toString());
    }
  }

  @Test
  void cvmRoleOptionsAcceptTheirLimits() {
    CvmRoleCredentialsProvider.builder().timeout(Duration.ofMinutes(1)).refreshMargin(Duration.ZERO).build().close();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CvmRoleCredentialsProvider.builder().timeout(Duration.ofMinutes(1).plusMillis(1)));
    assertTrue(e.getMessage().startsWith("timeout must be positive and at most 1 minute"), e.getMessage());
  }

  @Test
  void cvmRoleOptionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> CvmRoleCredentialsProvider.builder().metadataUrl("http://x/no-slash"));
    assertThrows(IllegalArgumentException.class, () -> CvmRoleCredentialsProvider.builder().timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> CvmRoleCredentialsProvider.builder().refreshMargin(Duration.ofSeconds(-1)));
  }

  // ---- STS AssumeRole

  @Test
  void assumeRoleIsSignedWithTheSourceAndSendsTheRoleSessionAndDuration() {
    try (StsAssumeRoleCredentialsProvider provider = assumeRole()) {
      assertIssued(1, provider.resolveCredentials());
      LoggedRequest request = emulator.requests().get(0);
      assertEquals("AssumeRole", request.getHeader("X-TC-Action"));
      assertEquals("2018-08-13", request.getHeader("X-TC-Version"));
      assertEquals("ap-guangzhou", request.getHeader("X-TC-Region"));
      assertTrue(request.getHeader("Authorization").contains("/sts/tc3_request"), request.getHeader("Authorization"));
      JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
      assertEquals(ROLE_ARN, body.get("RoleArn").getAsString());
      assertEquals("session-1", body.get("RoleSessionName").getAsString());
      assertEquals(1800, body.get("DurationSeconds").getAsLong());
    }
  }

  @Test
  void assumeRoleRefreshesAheadOfExpiry() {
    try (StsAssumeRoleCredentialsProvider provider = assumeRole()) {
      emulator.lifetime(Duration.ofMinutes(30));
      assertIssued(1, provider.resolveCredentials());
      clock.advance(Duration.ofMinutes(24));
      assertIssued(1, provider.resolveCredentials());
      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      assertIssued(2, provider.resolveCredentials());
      assertEquals(2, emulator.stsCalls());
    }
  }

  @Test
  void assumeRoleErrorsBecomeACredentialsExceptionWithTheServiceErrorAsCause() {
    emulator.failWith("ResourceNotFound.RoleNotExist");
    try (StsAssumeRoleCredentialsProvider provider = assumeRole()) {
      CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials);
      assertInstanceOf(ResourceNotFoundException.class, e.getCause());
      assertTrue(e.errorMessage().contains("STS AssumeRole of " + ROLE_ARN), e.errorMessage());
      assertTrue(e.errorMessage().contains("ResourceNotFound.RoleNotExist"), e.errorMessage());
    }
  }

  @Test
  void assumeRoleWithAWrongSourceKeyFailsTheSignatureCheck() {
    try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().roleArn(ROLE_ARN)
        .endpoint(emulator.stsEndpoint()).clock(clock)
        .source(CredentialsProvider.of(Credentials.of(CredentialsEmulator.SOURCE_ID, "wrongKey"))).build()) {
      CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials);
      assertInstanceOf(AuthFailureException.class, e.getCause());
      assertEquals("AuthFailure.SignatureFailure", ((VodServiceException) e.getCause()).errorCode());
    }
  }

  @Test
  void assumeRoleOptionsAreCheckedWhenBuilt() {
    IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class,
        () -> StsAssumeRoleCredentialsProvider.builder().roleArn(ROLE_ARN).build());
    assertTrue(noSource.getMessage().contains("source"), noSource.getMessage());
    IllegalArgumentException noRole = assertThrows(IllegalArgumentException.class,
        () -> StsAssumeRoleCredentialsProvider.builder().source(() -> null).build());
    assertTrue(noRole.getMessage().contains("RoleArn"), noRole.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StsAssumeRoleCredentialsProvider.builder().duration(Duration.ofHours(13)));
  }

  // ---- OIDC web identity

  @Test
  void oidcIsSentUnsignedWithTheTokenFromTheFile() throws IOException {
    try (OidcRoleArnCredentialsProvider provider = oidc(tokenFile("oidc-token-1\n"))) {
      assertIssued(1, provider.resolveCredentials());
      LoggedRequest request = emulator.requests().get(0);
      assertEquals("AssumeRoleWithWebIdentity", request.getHeader("X-TC-Action"));
      assertEquals("SKIP", request.getHeader("Authorization"));
      assertFalse(request.containsHeader("X-TC-Token"));
      assertEquals("ap-shanghai", request.getHeader("X-TC-Region"));
      JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
      assertEquals("oidc-token-1", body.get("WebIdentityToken").getAsString());
      assertEquals("tke-oidc", body.get("ProviderId").getAsString());
      assertEquals(ROLE_ARN, body.get("RoleArn").getAsString());
      assertEquals("pod-1", body.get("RoleSessionName").getAsString());
      assertEquals(7200, body.get("DurationSeconds").getAsLong());
    }
  }

  @Test
  void oidcReadsTheRotatedTokenAtEachRefresh() throws IOException {
    Path file = tokenFile("oidc-token-1");
    try (OidcRoleArnCredentialsProvider provider = oidc(file)) {
      assertIssued(1, provider.resolveCredentials());
      tokenFile("oidc-token-2");
      emulator.acceptWebIdentityToken("oidc-token-2");
      clock.advance(Duration.ofHours(2));
      assertIssued(2, provider.resolveCredentials());
      JsonObject body = JsonParser.parseString(emulator.requests().get(1).getBodyAsString()).getAsJsonObject();
      assertEquals("oidc-token-2", body.get("WebIdentityToken").getAsString());
    }
  }

  @Test
  void oidcWithAMissingTokenFileSaysWhichFile() {
    Path missing = dir.resolve("absent");
    try (OidcRoleArnCredentialsProvider provider = oidc(missing)) {
      CredentialsException e = assertThrows(CredentialsException.class, provider::resolveCredentials);
      assertTrue(e.getCause().getMessage().contains("token file " + missing + " not found"), e.getCause().getMessage());
      assertEquals(0, emulator.stsCalls());
    }
  }

  @Test
  void oidcFromTheEnvironmentNamesEveryMissingVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("TKE_REGION", "ap-guangzhou");
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> OidcRoleArnCredentialsProvider.fromEnvironment(env::get));
    assertEquals("OIDC web identity: environment variables TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN are not set",
        e.errorMessage());
  }

  // ---- the default chain

  @Test
  void defaultChainUsesOidcWhenTheTkeVariablesAreSet() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("TKE_REGION", "ap-guangzhou");
    env.put("TKE_PROVIDER_ID", "tke-oidc");
    env.put("TKE_WEB_IDENTITY_TOKEN_FILE", tokenFile("oidc-token-1").toString());
    env.put("TKE_ROLE_ARN", ROLE_ARN);
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().environment(env::get).home(dir.toString())
        .stsEndpoint(emulator.stsEndpoint()).metadataUrl(emulator.metadataUrl()).clock(clock).build();
    assertIssued(1, chain.resolveCredentials());
    assertEquals(1, emulator.stsCalls());
    assertEquals(0, emulator.metadataCalls(), "the CVM role is tried only after OIDC");
  }

  @Test
  void defaultChainFallsBackToTheCvmRole() {
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().environment(name -> null).home(dir.toString())
        .metadataUrl(emulator.metadataUrl()).clock(clock).build();
    assertIssued(1, chain.resolveCredentials());
    clock.advance(Duration.ofHours(2));
    assertIssued(2, chain.resolveCredentials(), "the chain keeps the CVM source, which refreshes");
  }

  private static void assertIssued(int n, Credentials credentials, String why) {
    assertEquals("AKIDtmp" + n, credentials.secretId(), why);
  }

  @Test
  void defaultChainErrorNamesEveryPlaceItLooked() {
    emulator.failWithStatus(404);
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().environment(name -> null).home(dir.toString())
        .metadataUrl(emulator.metadataUrl()).clock(clock).build();
    CredentialsException e = assertThrows(CredentialsException.class, chain::resolveCredentials);
    String message = e.errorMessage();
    assertTrue(message.contains("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set"), message);
    assertTrue(message.contains(dir.resolve(".tencentcloud").resolve("credentials") + ": file not found"), message);
    assertTrue(message.contains(DefaultCredentialsProvider.SYSTEM_FILE), message);
    assertTrue(message.contains("OIDC web identity: no TKE_* environment variable is set"), message);
    assertTrue(message.contains("CVM role (metadata service " + emulator.metadataUrl() + ")"), message);
    assertNull(e.getCause());
  }
}
