package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.internal.auth.IniFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a profile of a Tencent Cloud credentials file (INI: {@code [default]} with
 * {@code secret_id = ...}, {@code secret_key = ...} and optionally {@code token = ...}). The file
 * is {@code TENCENTCLOUD_CREDENTIALS_FILE} when set, else {@code ~/.tencentcloud/credentials}. It
 * is read once, at the first call that succeeds.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {
  /** Variable naming the credentials file. */
  public static final String FILE_VARIABLE = "TENCENTCLOUD_CREDENTIALS_FILE";
  /** Profile used when none is named. */
  public static final String DEFAULT_PROFILE = "default";

  private final Path file;
  private final String profile;
  private volatile Credentials cached;

  private ProfileCredentialsProvider(Path file, String profile) {
    this.file = file;
    this.profile = profile;
  }

  /** @return a provider for profile {@code default} of the default file */
  public static ProfileCredentialsProvider create() {
    return create(DEFAULT_PROFILE);
  }

  /**
   * @param profile the profile (section) name
   * @return a provider for that profile of the default file
   */
  public static ProfileCredentialsProvider create(String profile) {
    return create(defaultFile(System::getenv, System.getProperty("user.home")), profile);
  }

  /**
   * @param file the credentials file
   * @param profile the profile (section) name
   * @return a provider for that profile of that file
   */
  public static ProfileCredentialsProvider create(Path file, String profile) {
    if (file == null || profile == null || profile.trim().isEmpty()) {
      throw new IllegalArgumentException("file and profile must be given");
    }
    return new ProfileCredentialsProvider(file, profile.trim());
  }

  /**
   * @param environment looks a variable up by name
   * @param home the user's home directory
   * @return {@code TENCENTCLOUD_CREDENTIALS_FILE} when set, else {@code <home>/.tencentcloud/credentials}
   */
  public static Path defaultFile(Function<String, String> environment, String home) {
    String named = environment.apply(FILE_VARIABLE);
    if (named != null && !named.trim().isEmpty()) {
      return Paths.get(named.trim());
    }
    return Paths.get(home == null ? "" : home, ".tencentcloud", "credentials");
  }

  /** @return the file this provider reads */
  public Path file() {
    return file;
  }

  @Override
  public Credentials resolveCredentials() {
    Credentials known = cached;
    if (known == null) {
      known = load();
      cached = known;
    }
    return known;
  }

  private Credentials load() {
    String where = "profile [" + profile + "] of " + file;
    String text;
    try {
      text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CredentialsException(where + ": file not found");
    } catch (IOException e) {
      throw new CredentialsException(where + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> section = IniFile.parse(text).get(profile);
    if (section == null) {
      throw new CredentialsException(where + ": no such profile");
    }
    String id = section.get("secret_id");
    String key = section.get("secret_key");
    if (id == null || id.isEmpty() || key == null || key.isEmpty()) {
      throw new CredentialsException(where + ": " + (id == null || id.isEmpty() ? "secret_id" : "secret_key") + " is missing");
    }
    return Credentials.of(id, key, section.get("token"));
  }

  @Override
  public String toString() {
    return "ProfileCredentialsProvider(" + profile + " in " + file + ")";
  }
}
