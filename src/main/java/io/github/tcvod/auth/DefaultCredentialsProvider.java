package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Looks for credentials in order: the environment ({@link EnvironmentCredentialsProvider}), the
 * user's credentials file ({@link ProfileCredentialsProvider}), then
 * {@code /etc/tencentcloud/credentials}. The first source that answers is used from then on. When
 * none answers, the {@link CredentialsException} names every place it looked.
 */
public final class DefaultCredentialsProvider implements CredentialsProvider {
  /** System-wide credentials file, the last place searched. */
  public static final String SYSTEM_FILE = "/etc/tencentcloud/credentials";

  private final List<CredentialsProvider> chain;
  private volatile CredentialsProvider found;

  private DefaultCredentialsProvider(List<CredentialsProvider> chain) {
    this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
  }

  /** @return the chain over the process environment, the user's home directory and /etc */
  public static DefaultCredentialsProvider create() {
    return create(System::getenv, System.getProperty("user.home"), ProfileCredentialsProvider.DEFAULT_PROFILE);
  }

  /**
   * @param environment looks a variable up by name
   * @param home the user's home directory
   * @param profile the profile to read from credentials files
   * @return the chain over the given environment and home directory
   */
  public static DefaultCredentialsProvider create(Function<String, String> environment, String home, String profile) {
    return new DefaultCredentialsProvider(Arrays.asList(
        EnvironmentCredentialsProvider.create(environment),
        ProfileCredentialsProvider.create(ProfileCredentialsProvider.defaultFile(environment, home), profile),
        ProfileCredentialsProvider.create(Paths.get(SYSTEM_FILE), profile)));
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

  @Override
  public String toString() {
    return "DefaultCredentialsProvider" + chain;
  }
}
