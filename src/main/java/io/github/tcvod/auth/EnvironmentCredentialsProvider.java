package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import java.util.function.Function;

/**
 * Reads {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY} and, for temporary
 * credentials, {@code TENCENTCLOUD_SESSION_TOKEN} from the environment at every call.
 */
public final class EnvironmentCredentialsProvider implements CredentialsProvider {
  /** Variable holding the SecretId. */
  public static final String SECRET_ID = "TENCENTCLOUD_SECRET_ID";
  /** Variable holding the SecretKey. */
  public static final String SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
  /** Variable holding the session token of temporary credentials. */
  public static final String SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";

  private final Function<String, String> environment;

  private EnvironmentCredentialsProvider(Function<String, String> environment) {
    this.environment = environment;
  }

  /** @return a provider reading the process environment */
  public static EnvironmentCredentialsProvider create() {
    return new EnvironmentCredentialsProvider(System::getenv);
  }

  /**
   * @param environment looks a variable up by name, returning null when it is unset
   * @return a provider reading the given environment
   */
  public static EnvironmentCredentialsProvider create(Function<String, String> environment) {
    return new EnvironmentCredentialsProvider(environment);
  }

  @Override
  public Credentials resolveCredentials() {
    String id = trimmed(SECRET_ID);
    String key = trimmed(SECRET_KEY);
    if (id == null && key == null) {
      throw new CredentialsException("environment variables " + SECRET_ID + " and " + SECRET_KEY + " are not set");
    }
    if (id == null || key == null) {
      throw new CredentialsException("environment variable " + (id == null ? SECRET_ID : SECRET_KEY)
          + " is not set (" + (id == null ? SECRET_KEY : SECRET_ID) + " is)");
    }
    try {
      return Credentials.of(id, key, trimmed(SESSION_TOKEN));
    } catch (IllegalArgumentException e) {
      throw new CredentialsException("environment variables " + SECRET_ID + "/" + SECRET_KEY + "/" + SESSION_TOKEN
          + ": " + e.getMessage());
    }
  }

  private String trimmed(String name) {
    String value = environment.apply(name);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  @Override
  public String toString() {
    return "EnvironmentCredentialsProvider";
  }
}
