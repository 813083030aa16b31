package io.github.tcvod.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the two sources of temporary credentials, on 127.0.0.1 and a free port:
 * STS ({@code POST /}: {@code AssumeRole}, signature checked with the {@code sts} scope, and
 * {@code AssumeRoleWithWebIdentity}, which must come with {@code Authorization: SKIP}, no token and
 * the expected web identity token) and the CVM metadata service
 * ({@code GET /latest/meta-data/cam/security-credentials/[role]}). The n-th credentials issued are
 * {@code AKIDtmp<n>}/{@code tmpKey<n>}/{@code token<n>}, expiring {@link #lifetime(Duration)} after
 * the emulator's clock. Tests can make it fail, or hold answers until released.
 */
public final class CredentialsEmulator implements AutoCloseable {
  /** SecretId AssumeRole must be signed with. */
  public static final String SOURCE_ID = "AKIDstsSourceKey000000000000000";
  /** SecretKey AssumeRole must be signed with. */
  public static final String SOURCE_KEY = "stsSourceSecretKeyNeverShown0000";
  /** Role the metadata service names. */
  public static final String ROLE = "tcvod-test-role";
  /** Path of the metadata service's directory of role credentials. */
  public static final String METADATA_PATH = "/latest/meta-data/cam/security-credentials/";

  private final WireMockServer server;
  private final Clock clock;
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger stsCalls = new AtomicInteger();
  private final AtomicInteger metadataCalls = new AtomicInteger();
  private volatile Duration lifetime = Duration.ofHours(2);
  private volatile String failWithCode;
  /** The metadata answer's Code member as given, when set: any JSON, to check how a client takes it. */
  private volatile com.google.gson.JsonElement metadataCode;
  private volatile int failWithStatus;
  private volatile String webIdentityToken = "oidc-token-1";
  private volatile CountDownLatch gate;

  private CredentialsEmulator(Clock clock) {
    this.clock = clock;
    this.server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .extensions(new Transformer()));
  }

  /**
   * @param clock the server's clock: expiry times and the 5-minute signature window follow it
   * @return a running emulator
   */
  public static CredentialsEmulator start(Clock clock) {
    CredentialsEmulator emulator = new CredentialsEmulator(clock);
    emulator.server.start();
    emulator.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Transformer.NAME)));
    return emulator;
  }

  /** @return the STS endpoint, e.g. {@code http://127.0.0.1:53127} */
  public String stsEndpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /** @return the metadata service's directory of role credentials */
  public String metadataUrl() {
    return stsEndpoint() + METADATA_PATH;
  }

  /**
   * @param lifetime validity of the credentials issued from now on
   * @return this emulator
   */
  public CredentialsEmulator lifetime(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  /**
   * @param code an API error code every STS call answers from now on; null to succeed again
   * @return this emulator
   */
  public CredentialsEmulator failWith(String code) {
    this.failWithCode = code;
    return this;
  }

  /**
   * @param code the Code member of the metadata service's credentials from now on, any JSON but null
   *     (its Gson leaves a null member out); null to answer as usual again
   * @return this emulator
   */
  public CredentialsEmulator metadataCode(com.google.gson.JsonElement code) {
    this.metadataCode = code;
    return this;
  }

  /**
   * @param status an HTTP status every call answers from now on; 0 to succeed again
   * @return this emulator
   */
  public CredentialsEmulator failWithStatus(int status) {
    this.failWithStatus = status;
    return this;
  }

  /**
   * @param token the web identity token AssumeRoleWithWebIdentity accepts
   * @return this emulator
   */
  public CredentialsEmulator acceptWebIdentityToken(String token) {
    this.webIdentityToken = token;
    return this;
  }

  /** Holds every answer until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  /** Lets held answers go. */
  public void release() {
    CountDownLatch held = gate;
    gate = null;
    if (held != null) {
      held.countDown();
    }
  }

  /** @return the STS calls received */
  public int stsCalls() {
    return stsCalls.get();
  }

  /** @return the metadata requests received */
  public int metadataCalls() {
    return metadataCalls.get();
  }

  /** @return every request received, oldest first */
  public List<LoggedRequest> requests() {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  @Override
  public void close() {
    release();
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "tcvod-credentials-emulator";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request request = serveEvent.getRequest();
      boolean metadata = request.getUrl().startsWith(METADATA_PATH);
      (metadata ? metadataCalls : stsCalls).incrementAndGet();
      CountDownLatch held = gate;
      if (held != null) {
        try {
          held.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failWithStatus != 0) {
        return aResponse().withStatus(failWithStatus).withBody("unavailable").build();
      }
      return metadata ? metadata(request) : sts(request);
    }

    private ResponseDefinition metadata(Request request) {
      String rest = request.getUrl().substring(METADATA_PATH.length());
      if (rest.isEmpty()) {
        return aResponse().withStatus(200).withBody(ROLE).build();
      }
      if (!ROLE.equals(rest)) {
        return aResponse().withStatus(404).withBody("no such role").build();
      }
      JsonObject answer = credentials();
      com.google.gson.JsonElement code = metadataCode;
      if (code != null) {
        answer.add("Code", code);
      } else {
        answer.addProperty("Code", failWithCode == null ? "Success" : failWithCode);
      }
      return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody(ApiAnswers.GSON.toJson(answer)).build();
    }

    private ResponseDefinition sts(Request request) {
      if (!"POST".equals(request.getMethod().getName()) || !"/".equals(request.getUrl())) {
        return aResponse().withStatus(404).build();
      }
      String action = request.getHeader("X-TC-Action");
      if (!"2018-08-13".equals(request.getHeader("X-TC-Version"))) {
        return ApiAnswers.error("NoSuchVersion", "Use 2018-08-13.");
      }
      JsonObject body = JsonParser.parseString(new String(request.getBody(), StandardCharsets.UTF_8)).getAsJsonObject();
      if ("AssumeRole".equals(action)) {
        Tc3SignatureChecker.Verdict verdict = new Tc3SignatureChecker(Collections.singletonMap(SOURCE_ID, SOURCE_KEY), "sts")
            .check(request::getHeader, request.getBody(), clock.instant());
        if (!verdict.valid()) {
          return ApiAnswers.error(verdict.code, verdict.message);
        }
        if (!body.has("RoleArn") || !body.has("RoleSessionName")) {
          return ApiAnswers.error("MissingParameter", "RoleArn and RoleSessionName are required.");
        }
      } else if ("AssumeRoleWithWebIdentity".equals(action)) {
        if (!"SKIP".equals(request.getHeader("Authorization")) || request.containsHeader("X-TC-Token")) {
          return ApiAnswers.error("AuthFailure.InvalidAuthorization", "This action is sent unsigned.");
        }
        JsonElement token = body.get("WebIdentityToken");
        if (token == null || !webIdentityToken.equals(token.getAsString())) {
          return ApiAnswers.error("InvalidParameter.WebIdentityTokenError", "The web identity token is invalid.");
        }
      } else {
        return ApiAnswers.error("InvalidAction", "The action " + action + " does not exist.");
      }
      if (failWithCode != null) {
        return ApiAnswers.error(failWithCode, "Failing as told by the test.");
      }
      JsonObject answer = new JsonObject();
      JsonObject issuedCredentials = credentials();
      answer.addProperty("ExpiredTime", issuedCredentials.remove("ExpiredTime").getAsLong());
      answer.add("Expiration", issuedCredentials.remove("Expiration"));
      answer.add("Credentials", issuedCredentials);
      return ApiAnswers.success(answer);
    }

    private JsonObject credentials() {
      int n = issued.incrementAndGet();
      Instant expiry = clock.instant().plus(lifetime);
      JsonObject credentials = new JsonObject();
      credentials.addProperty("TmpSecretId", "AKIDtmp" + n);
      credentials.addProperty("TmpSecretKey", "tmpKey" + n);
      credentials.addProperty("Token", "token" + n);
      credentials.addProperty("ExpiredTime", expiry.getEpochSecond());
      credentials.addProperty("Expiration", expiry.toString());
      return credentials;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
