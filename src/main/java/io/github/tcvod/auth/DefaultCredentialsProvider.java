package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Looks for credentials in order:
 * <ol>
 *   <li>the environment ({@link EnvironmentCredentialsProvider});</li>
 *   <li>the user's credentials file ({@link ProfileCredentialsProvider}), then
 *       {@value #SYSTEM_FILE};</li>
 *   <li>OIDC web identity ({@link OidcRoleArnCredentialsProvider}), only when a {@code TKE_*}
 *       variable is set;</li>
 *   <li>the CVM instance role ({@link CvmRoleCredentialsProvider}), last because off-cloud it
 *       costs a request that fails (within about a second).</li>
 * </ol>
 * The first source that answers is used from then on; a file source re-reads its file when it
 * changes, and the OIDC and CVM sources refresh their temporary credentials before they expire.
 * When no source answers, the {@link CredentialsException} names every place it looked.
 */
public final class DefaultCredentialsProvider implements CredentialsProvider {
  /** System-wide credentials file, searched after the user's. */
  public static final String SYSTEM_FILE = "/etc/tencentcloud/credentials";

  private final List<CredentialsProvider> chain;
  private volatile CredentialsProvider found;

  private DefaultCredentialsProvider(List<CredentialsProvider> chain) {
    this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
  }

  /** @return the chain over the process environment, the user's home directory and /etc */
  public static DefaultCredentialsProvider create() {
    return builder().build();
  }

  /**
   * @param environment looks a variable up by name
   * @param home the user's home directory
   * @param profile the profile to read from credentials files
   * @return the chain over the given environment and home directory
   */
  public static DefaultCredentialsProvider create(Function<String, String> environment, String home, String profile) {
    return builder().environment(environment).home(home).profile(profile).build();
  }

  /** @return a builder of the chain over the process environment, the user's home and the real services */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Credentials resolveCredentials() {
    CredentialsProvider known = found;
    if (known != null) {
      return known.resolveCredentials();
    }
    List<String> looked = new ArrayList<>();
    for (CredentialsProvider provider : chain) {
      try {
        Credentials credentials = provider.resolveCredentials();
        found = provider;
        return credentials;
      } catch (CredentialsException e) {
        looked.add(e.errorMessage());
      }
    }
    throw new CredentialsException("no Tencent Cloud credentials found; looked in: " + String.join("; ", looked));
  }

  /** Passed to the source that supplied the credentials. */
  @Override
  public boolean discard(Credentials rejected) {
    CredentialsProvider known = found;
    return known != null && known.discard(rejected);
  }

  @Override
  public String toString() {
    return "DefaultCredentialsProvider" + chain;
  }

  /** A source built at its first use, so that an unused one costs nothing. */
  private static final class Lazy implements CredentialsProvider {
    private final String name;
    private final Supplier<CredentialsProvider> factory;
    private volatile CredentialsProvider provider;

    Lazy(String name, Supplier<CredentialsProvider> factory) {
      this.name = name;
      this.factory = factory;
    }

    @Override
    public Credentials resolveCredentials() {
      CredentialsProvider built = provider;
      if (built == null) {
        synchronized (this) {
          if (provider == null) {
            provider = factory.get();
          }
          built = provider;
        }
      }
      return built.resolveCredentials();
    }

    @Override
    public boolean discard(Credentials rejected) {
      CredentialsProvider built = provider;
      return built != null && built.discard(rejected);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Builder of {@link DefaultCredentialsProvider}: where each source looks, for tests and unusual hosts. */
  public static final class Builder {
    private Function<String, String> environment = System::getenv;
    private String home = System.getProperty("user.home");
    private String profile = ProfileCredentialsProvider.DEFAULT_PROFILE;
    private String metadataUrl = CvmRoleCredentialsProvider.DEFAULT_METADATA_URL;
    private String stsEndpoint;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * @param environment looks a variable up by name, returning null when it is unset
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      if (environment == null) {
        throw new IllegalArgumentException("environment must not be null");
      }
      this.environment = environment;
      return this;
    }

    /**
     * @param home the user's home directory
     * @return this builder
     */
    public Builder home(String home) {
      this.home = home;
      return this;
    }

    /**
     * @param profile the profile to read from credentials files
     * @return this builder
     */
    public Builder profile(String profile) {
      this.profile = profile;
      return this;
    }

    /**
     * @param url the CVM metadata service's directory of role credentials
     * @return this builder
     */
    public Builder metadataUrl(String url) {
      this.metadataUrl = url;
      return this;
    }

    /**
     * @param endpoint the STS endpoint of the OIDC source; the real one by default
     * @return this builder
     */
    public Builder stsEndpoint(String endpoint) {
      this.stsEndpoint = endpoint;
      return this;
    }

    /**
     * @param clock decides when temporary credentials are due for refresh (tests)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /** @return the chain; no source is consulted until credentials are first asked for */
    public DefaultCredentialsProvider build() {
      Function<String, String> env = environment;
      String url = metadataUrl;
      String sts = stsEndpoint;
      Clock time = clock;
      CvmRoleCredentialsProvider.Builder cvm = CvmRoleCredentialsProvider.builder().metadataUrl(url).clock(time);
      return new DefaultCredentialsProvider(Arrays.asList(
          EnvironmentCredentialsProvider.create(env),
          ProfileCredentialsProvider.create(ProfileCredentialsProvider.defaultFile(env, home), profile),
          ProfileCredentialsProvider.create(Paths.get(SYSTEM_FILE), profile),
          new Lazy("OidcRoleArnCredentialsProvider (when TKE_* is set)", () -> {
            if (!OidcRoleArnCredentialsProvider.isConfigured(env)) {
              return () -> {
                throw new CredentialsException("OIDC web identity: no TKE_* environment variable is set");
              };
            }
            OidcRoleArnCredentialsProvider.Builder oidc = OidcRoleArnCredentialsProvider.builderFromEnvironment(env).clock(time);
            try {
              return (sts == null ? oidc : oidc.endpoint(sts)).build();
            } catch (IllegalArgumentException e) {
              throw new CredentialsException("OIDC web identity: the TKE_* environment variables are invalid: " + e.getMessage());
            }
          }),
          new Lazy("CvmRoleCredentialsProvider", cvm::build)));
    }
  }
}
