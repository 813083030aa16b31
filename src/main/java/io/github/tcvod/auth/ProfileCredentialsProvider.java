package io.github.tcvod.auth;

import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.internal.auth.IniFile;
import io.github.tcvod.internal.auth.SmallFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a profile of a Tencent Cloud credentials file (INI: {@code [default]} with
 * {@code secret_id = ...}, {@code secret_key = ...} and optionally {@code token = ...}). The file
 * is {@code TENCENTCLOUD_CREDENTIALS_FILE} when set, else {@code ~/.tencentcloud/credentials}. It
 * is read again whenever its modification time or size changes, and at each call during the few
 * seconds after a change, so a rotated key is picked up without a restart. The format is that of tccli: see {@link #resolveCredentials()}.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {
  /** Variable naming the credentials file. */
  public static final String FILE_VARIABLE = "TENCENTCLOUD_CREDENTIALS_FILE";
  /** Profile used when none is named. */
  public static final String DEFAULT_PROFILE = "default";
  /** Far more than any credentials file holds; a larger file is not one. */
  private static final int MAX_FILE_BYTES = 1024 * 1024;
  /** Coarser than any file system's timestamps (FAT's are 2 s). */
  private static final long RECENT_MILLIS = 3000;

  private final Path file;
  private final String profile;
  private volatile Loaded cached;

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

  /**
   * Reads the profile: {@code key = value} lines (keys case-insensitive), {@code #} and {@code ;}
   * comments (inline ones after whitespace), values in single or double quotes unquoted, and a
   * UTF-8 byte order mark ignored.
   *
   * @return the profile's credentials
   * @throws CredentialsException naming the file and profile when the file, the profile or a key is
   *     missing, the file is larger than 1 MiB, or a value is not printable ASCII (never showing the value)
   */
  @Override
  public Credentials resolveCredentials() {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new CredentialsException(where() + ": file not found");
    } catch (IOException e) {
      throw new CredentialsException(where() + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    Loaded known = cached;
    if (known != null && known.isOf(attributes) && !known.recent) {
      return known.credentials;
    }
    Credentials read = load();
    Loaded fresh = new Loaded(attributes, known != null && known.credentials.equals(read) ? known.credentials : read);
    cached = fresh;
    return fresh.credentials;
  }

  private String where() {
    return "profile [" + profile + "] of " + file;
  }

  private Credentials load() {
    String text;
    try {
      byte[] bytes = SmallFile.read(file, MAX_FILE_BYTES);
      if (bytes == null) {
        throw new CredentialsException(where() + ": the file is larger than " + MAX_FILE_BYTES
            + " bytes, so it is not a credentials file");
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CredentialsException(where() + ": file not found");
    } catch (IOException e) {
      throw new CredentialsException(where() + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> section = IniFile.parse(text).get(profile);
    if (section == null) {
      throw new CredentialsException(where() + ": no such profile");
    }
    String id = section.get("secret_id");
    String key = section.get("secret_key");
    if (id == null || id.isEmpty() || key == null || key.isEmpty()) {
      throw new CredentialsException(where() + ": " + (id == null || id.isEmpty() ? "secret_id" : "secret_key") + " is missing");
    }
    try {
      return Credentials.of(id, key, section.get("token"));
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(where() + ": " + e.getMessage());
    }
  }

  /** Credentials read from the file, with the modification time and size they were read at. */
  private static final class Loaded {
    private final FileTime modified;
    private final long size;
    private final Credentials credentials;

    /**
     * Keys have fixed lengths, so a rotated file keeps its size; rewritten within its timestamp's
     * granularity (whole seconds on some file systems) it keeps its time too, and would look
     * unchanged for ever. So a file changed that recently (or stamped in the future) is read again.
     */
    private final boolean recent;

    Loaded(BasicFileAttributes attributes, Credentials credentials) {
      this.modified = attributes.lastModifiedTime();
      this.size = attributes.size();
      this.credentials = credentials;
      this.recent = modified.toMillis() >= System.currentTimeMillis() - RECENT_MILLIS;
    }

    boolean isOf(BasicFileAttributes attributes) {
      return modified.equals(attributes.lastModifiedTime()) && size == attributes.size();
    }
  }

  @Override
  public String toString() {
    return "ProfileCredentialsProvider(" + profile + " in " + file + ")";
  }
}
