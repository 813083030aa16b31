package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.internal.auth.RefreshingCredentials;
import io.github.tcvod.internal.auth.SmallFile;
import io.github.tcvod.internal.auth.TemporaryCredentials;
import io.github.tcvod.sts.StsClient;
import io.github.tcvod.sts.model.AssumeRoleWithWebIdentityRequest;
import io.github.tcvod.sts.model.AssumeRoleWithWebIdentityResponse;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Temporary credentials of a CAM role for a pod of TKE (Tencent Kubernetes Engine) with OIDC web
 * identity: the pod's token, read from a file, is traded for the role's credentials with STS
 * {@code AssumeRoleWithWebIdentity}, which is sent unsigned. The token file is read again at each
 * refresh, since Kubernetes rotates it. {@link #fromEnvironment()} takes everything from the
 * variables TKE sets: {@value #REGION}, {@value #PROVIDER_ID}, {@value #TOKEN_FILE} and
 * {@value #ROLE_ARN}.
 *
 * <p>Refresh rules as {@link StsAssumeRoleCredentialsProvider}'s: {@link Builder#refreshMargin(Duration)
 * refreshMargin} before expiry (default {@link #DEFAULT_REFRESH_MARGIN}), one refresh at a time,
 * the current credentials kept while valid when a refresh fails. Immutable once built and
 * thread-safe.
 */
public final class OidcRoleArnCredentialsProvider implements CredentialsProvider, Closeable {
  /** Variable holding the region sent to STS. */
  public static final String REGION = "TKE_REGION";
  /** Variable holding the identity provider's id. */
  public static final String PROVIDER_ID = "TKE_PROVIDER_ID";
  /** Variable naming the file that holds the web identity token. */
  public static final String TOKEN_FILE = "TKE_WEB_IDENTITY_TOKEN_FILE";
  /** Variable holding the role to assume. */
  public static final String ROLE_ARN = "TKE_ROLE_ARN";
  /** How long before expiry credentials are refreshed by default. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
  /** Validity asked for by default. */
  public static final Duration DEFAULT_DURATION = Duration.ofHours(2);
  private static final int MAX_TOKEN_BYTES = 64 * 1024;

  private final Path tokenFile;
  private final AssumeRoleWithWebIdentityRequest template;
  private final StsClient sts;
  private final Clock clock;
  private final RefreshingCredentials cache;

  private OidcRoleArnCredentialsProvider(Builder builder) {
    this.tokenFile = builder.tokenFile;
    // The token is set at each refresh; a placeholder lets the builder check the other fields now.
    this.template = AssumeRoleWithWebIdentityRequest.builder()
        .providerId(builder.providerId)
        .roleArn(builder.roleArn)
        .roleSessionName(builder.roleSessionName != null ? builder.roleSessionName
            : "tcvod-sdk-" + builder.clock.millis())
        .durationSeconds(builder.duration.getSeconds())
        .webIdentityToken("-")
        .build();
    this.sts = StsClient.builder().endpoint(builder.endpoint).region(builder.region).clock(builder.clock)
        .credentialsProvider(OidcRoleArnCredentialsProvider::noCredentialsNeeded).build();
    this.clock = builder.clock;
    this.cache = new RefreshingCredentials(describe(), this::fetch, builder.refreshMargin, builder.clock);
  }

  private static Credentials noCredentialsNeeded() {
    throw new CredentialsException("AssumeRoleWithWebIdentity is unsigned and asks for no credentials");
  }

  /**
   * @return a provider configured from the process environment
   * @throws CredentialsException naming every variable that is not set
   */
  public static OidcRoleArnCredentialsProvider fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * @param environment looks a variable up by name, returning null when it is unset
   * @return a provider configured from that environment
   * @throws CredentialsException naming every variable that is not set
   */
  public static OidcRoleArnCredentialsProvider fromEnvironment(Function<String, String> environment) {
    return builderFromEnvironment(environment).build();
  }

  /**
   * @param environment looks a variable up by name, returning null when it is unset
   * @return a builder filled from that environment, to change further (endpoint, margin, clock)
   * @throws CredentialsException naming every variable that is not set
   */
  public static Builder builderFromEnvironment(Function<String, String> environment) {
    List<String> missing = new ArrayList<>();
    String region = variable(environment, REGION, missing);
    String providerId = variable(environment, PROVIDER_ID, missing);
    String tokenFile = variable(environment, TOKEN_FILE, missing);
    String roleArn = variable(environment, ROLE_ARN, missing);
    if (!missing.isEmpty()) {
      throw new CredentialsException("OIDC web identity: environment variable" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " not set");
    }
    return builder().region(region).providerId(providerId).tokenFile(Paths.get(tokenFile)).roleArn(roleArn);
  }

  /**
   * @param environment looks a variable up by name
   * @return whether any of the four TKE variables is set: then the pod is meant to use OIDC
   */
  static boolean isConfigured(Function<String, String> environment) {
    for (String name : new String[] {REGION, PROVIDER_ID, TOKEN_FILE, ROLE_ARN}) {
      String value = environment.apply(name);
      if (value != null && !value.trim().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String variable(Function<String, String> environment, String name, List<String> missing) {
    String value = environment.apply(name);
    if (value == null || value.trim().isEmpty()) {
      missing.add(name);
      return null;
    }
    return value.trim();
  }

  /** @return a builder; provider id, token file and role ARN are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the role's credentials, obtained or refreshed when due
   * @throws CredentialsException when the token file cannot be read or STS fails, and no valid
   *     credentials are cached
   */
  @Override
  public Credentials resolveCredentials() {
    return cache.get();
  }

  /** Fetches new credentials at the next call when the service refused these ones' token. */
  @Override
  public boolean discard(Credentials rejected) {
    return cache.discard(rejected);
  }

  private RefreshingCredentials.Expiring fetch() {
    AssumeRoleWithWebIdentityRequest request = template.toBuilder().webIdentityToken(readToken()).build();
    Instant sent = clock.instant();
    AssumeRoleWithWebIdentityResponse answer = sts.assumeRoleWithWebIdentity(request);
    io.github.tcvod.sts.model.Credentials issued = answer.credentials();
    return issued == null ? TemporaryCredentials.of(describe(), null, null, null, null)
        : TemporaryCredentials.of(describe(), issued.tmpSecretId(), issued.tmpSecretKey(), issued.token(),
            answer.expiredTime(), sent, template.durationSeconds());
  }

  private String readToken() {
    byte[] bytes;
    try {
      if (Files.exists(tokenFile) && !Files.isRegularFile(tokenFile)) {
        // A pipe or device would block the refresh, and every caller waiting for it, with no bound.
        throw new CredentialsException(describe() + ": token file " + tokenFile + " is not a regular file");
      }
      bytes = SmallFile.read(tokenFile, MAX_TOKEN_BYTES);
      if (bytes == null) {
        throw new CredentialsException(describe() + ": token file " + tokenFile + " is larger than " + MAX_TOKEN_BYTES + " bytes");
      }
    } catch (NoSuchFileException e) {
      throw new CredentialsException(describe() + ": token file " + tokenFile + " not found");
    } catch (IOException e) {
      throw new CredentialsException(describe() + ": cannot read token file " + tokenFile + " (" + e.getClass().getSimpleName() + ")");
    }
    String token = new String(bytes, StandardCharsets.UTF_8).trim();
    if (token.isEmpty()) {
      throw new CredentialsException(describe() + ": token file " + tokenFile + " is empty");
    }
    return token;
  }

  private String describe() {
    return "OIDC web identity (STS AssumeRoleWithWebIdentity of " + template.roleArn() + ")";
  }

  /** Releases the STS client's connections and threads. */
  @Override
  public void close() {
    sts.close();
  }

  @Override
  public String toString() {
    return "OidcRoleArnCredentialsProvider(" + template.roleArn() + ", provider " + template.providerId()
        + ", token file " + tokenFile + ")";
  }

  /** Builder of {@link OidcRoleArnCredentialsProvider}. */
  public static final class Builder {
    private String region = StsAssumeRoleCredentialsProvider.DEFAULT_REGION;
    private String providerId;
    private Path tokenFile;
    private String roleArn;
    private String roleSessionName;
    private Duration duration = DEFAULT_DURATION;
    private String endpoint = StsClient.DEFAULT_ENDPOINT;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * @param region region sent to STS; {@code ap-guangzhou} by default
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * @param providerId the identity provider's id in CAM; required
     * @return this builder
     */
    public Builder providerId(String providerId) {
      this.providerId = providerId;
      return this;
    }

    /**
     * @param tokenFile file holding the web identity token, read at each refresh; required
     * @return this builder
     */
    public Builder tokenFile(Path tokenFile) {
      this.tokenFile = tokenFile;
      return this;
    }

    /**
     * @param roleArn the role to assume; required
     * @return this builder
     */
    public Builder roleArn(String roleArn) {
      this.roleArn = roleArn;
      return this;
    }

    /**
     * @param roleSessionName the session's name in audit logs; {@code tcvod-sdk-<millis>} by default
     * @return this builder
     */
    public Builder roleSessionName(String roleSessionName) {
      this.roleSessionName = roleSessionName;
      return this;
    }

    /**
     * @param duration validity to ask for, whole seconds, at most 12 hours; 2 hours by default
     * @return this builder
     */
    public Builder duration(Duration duration) {
      if (duration == null || duration.getSeconds() <= 0 || duration.compareTo(Duration.ofHours(12)) > 0) {
        throw new IllegalArgumentException("duration must be positive and at most 12 hours (43200 s), was " + duration);
      }
      this.duration = duration;
      return this;
    }

    /**
     * @param endpoint STS host or URL, {@code https://sts.tencentcloudapi.com} by default
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * @param margin how long before expiry to refresh; not negative
     * @return this builder
     */
    public Builder refreshMargin(Duration margin) {
      if (margin == null || margin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative, was " + margin);
      }
      this.refreshMargin = margin;
      return this;
    }

    /**
     * @param clock decides when credentials are due for refresh (tests)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /**
     * @return the provider; the token file is not read until credentials are first asked for
     * @throws IllegalArgumentException when a required value is missing or breaks a documented limit
     */
    public OidcRoleArnCredentialsProvider build() {
      if (tokenFile == null) {
        throw new IllegalArgumentException("tokenFile must be given");
      }
      return new OidcRoleArnCredentialsProvider(this);
    }
  }
}
