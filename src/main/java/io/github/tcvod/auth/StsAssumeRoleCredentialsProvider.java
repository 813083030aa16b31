package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.internal.auth.RefreshingCredentials;
import io.github.tcvod.internal.auth.TemporaryCredentials;
import io.github.tcvod.sts.StsClient;
import io.github.tcvod.sts.model.AssumeRoleRequest;
import io.github.tcvod.sts.model.AssumeRoleResponse;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Temporary credentials of a CAM role, obtained with STS {@code AssumeRole} signed by the
 * credentials of another provider (the source): a role ARN, a session name and a duration.
 *
 * <p>Credentials are cached and refreshed {@link Builder#refreshMargin(Duration) refreshMargin}
 * before they expire (default {@link #DEFAULT_REFRESH_MARGIN}), by one thread while the others
 * keep using the current ones; a failed refresh keeps the current credentials while they are
 * valid, and once they have expired the failure is a {@link CredentialsException} with the STS
 * error as its cause. Immutable once built and thread-safe. {@link #close()} releases the STS
 * client's connections.
 */
public final class StsAssumeRoleCredentialsProvider implements CredentialsProvider, Closeable {
  /** How long before expiry credentials are refreshed by default. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
  /** Validity asked for by default. */
  public static final Duration DEFAULT_DURATION = Duration.ofHours(2);
  /** Region sent to STS by default, as the official SDK does. */
  public static final String DEFAULT_REGION = "ap-guangzhou";

  private final AssumeRoleRequest request;
  private final StsClient sts;
  private final Clock clock;
  private final RefreshingCredentials cache;

  private StsAssumeRoleCredentialsProvider(Builder builder) {
    this.request = AssumeRoleRequest.builder()
        .roleArn(builder.roleArn)
        .roleSessionName(builder.roleSessionName != null ? builder.roleSessionName
            : "tcvod-sdk-" + builder.clock.millis())
        .durationSeconds(builder.duration.getSeconds())
        .policy(builder.policy)
        .externalId(builder.externalId)
        .build();
    this.sts = StsClient.builder().endpoint(builder.endpoint).region(builder.region).clock(builder.clock)
        .credentialsProvider(builder.source).build();
    this.clock = builder.clock;
    this.cache = new RefreshingCredentials(describe(), this::fetch, builder.refreshMargin, builder.clock);
  }

  /** @return a builder; {@link Builder#roleArn(String)} and {@link Builder#source(CredentialsProvider)} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the role's credentials, obtained or refreshed when due
   * @throws CredentialsException when STS fails and no valid credentials are cached
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
    Instant sent = clock.instant();
    AssumeRoleResponse answer = sts.assumeRole(request);
    io.github.tcvod.sts.model.Credentials issued = answer.credentials();
    return issued == null ? TemporaryCredentials.of(describe(), null, null, null, null)
        : TemporaryCredentials.of(describe(), issued.tmpSecretId(), issued.tmpSecretKey(), issued.token(),
            answer.expiredTime(), sent, request.durationSeconds());
  }

  private String describe() {
    return "STS AssumeRole of " + request.roleArn();
  }

  /** Releases the STS client's connections and threads. */
  @Override
  public void close() {
    sts.close();
  }

  @Override
  public String toString() {
    return "StsAssumeRoleCredentialsProvider(" + request.roleArn() + ", session " + request.roleSessionName() + ")";
  }

  /** Builder of {@link StsAssumeRoleCredentialsProvider}. */
  public static final class Builder {
    private String roleArn;
    private String roleSessionName;
    private Duration duration = DEFAULT_DURATION;
    private String policy;
    private String externalId;
    private CredentialsProvider source;
    private String endpoint = StsClient.DEFAULT_ENDPOINT;
    private String region = DEFAULT_REGION;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * @param roleArn the role, {@code qcs::cam::uin/<uin>:roleName/<name>}; required
     * @return this builder
     */
    public Builder roleArn(String roleArn) {
      this.roleArn = roleArn;
      return this;
    }

    /**
     * @param roleSessionName the session's name in audit logs, 2-128 of {@code [\w+=,.@-]};
     *     {@code tcvod-sdk-<millis>} by default
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
     * @param policy a URL-encoded policy that narrows the role's permissions; null for none
     * @return this builder
     */
    public Builder policy(String policy) {
      this.policy = policy;
      return this;
    }

    /**
     * @param externalId the external id the role's trust policy requires; null for none
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * @param source the credentials AssumeRole is signed with; required
     * @return this builder
     */
    public Builder source(CredentialsProvider source) {
      this.source = source;
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
     * @param region region sent to STS, {@value #DEFAULT_REGION} by default
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
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
     * @return the provider; nothing is fetched until credentials are first asked for
     * @throws IllegalArgumentException when the role ARN or source is missing, or a value breaks a
     *     documented limit
     */
    public StsAssumeRoleCredentialsProvider build() {
      if (source == null) {
        throw new IllegalArgumentException("source (the credentials AssumeRole is signed with) must be given");
      }
      return new StsAssumeRoleCredentialsProvider(this);
    }
  }
}
