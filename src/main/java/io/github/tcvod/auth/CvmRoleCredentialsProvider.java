package io.github.tcvod.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.tcvod.exception.CredentialsException;
import io.github.tcvod.internal.Durations;
import io.github.tcvod.internal.auth.RefreshingCredentials;
import io.github.tcvod.internal.auth.TemporaryCredentials;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Temporary credentials of the CAM role bound to the CVM instance the program runs on, from the
 * instance metadata service: {@code GET .../cam/security-credentials/} names the role, then
 * {@code GET .../cam/security-credentials/<role>} returns its {@code TmpSecretId},
 * {@code TmpSecretKey}, {@code Token} and {@code ExpiredTime}.
 *
 * <p>Credentials are cached and refreshed {@link Builder#refreshMargin(Duration) refreshMargin}
 * before they expire (default {@link #DEFAULT_REFRESH_MARGIN}), by one thread while the others
 * keep using the current ones; a failed refresh keeps the current credentials while they are
 * valid. Off-cloud the metadata host does not answer, so connecting and reading are bounded by
 * short timeouts (default {@link #DEFAULT_TIMEOUT} each). Immutable once built and thread-safe.
 */
public final class CvmRoleCredentialsProvider implements CredentialsProvider, Closeable {
  /** The metadata service's directory of role credentials. */
  public static final String DEFAULT_METADATA_URL =
      "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/";
  /** How long before expiry credentials are refreshed by default. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
  /** Default connect and read timeout of a request to the metadata service. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final HttpUrl metadataUrl;
  private final String roleName;
  private final OkHttpClient http;
  private final RefreshingCredentials cache;

  private CvmRoleCredentialsProvider(Builder builder) {
    this.metadataUrl = builder.metadataUrl;
    this.roleName = builder.roleName;
    long timeoutMillis = Durations.toMillisRoundedUp(builder.timeout);
    // Two requests per refresh, so the call timeout (which also bounds DNS) is twice the per-request bound.
    this.http = new OkHttpClient.Builder()
        .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .callTimeout(2 * timeoutMillis, TimeUnit.MILLISECONDS)
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
    this.cache = new RefreshingCredentials(describe(), this::fetch, builder.refreshMargin, builder.clock);
  }

  /** @return a provider with the defaults: the real metadata service, the role it names, 5 minutes' margin */
  public static CvmRoleCredentialsProvider create() {
    return builder().build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the role's credentials, fetched or refreshed when due
   * @throws CredentialsException when the metadata service does not answer or answers badly and
   *     no valid credentials are cached; it names the URL and the cause
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
    String role = roleName != null ? roleName : firstLine(get(metadataUrl));
    if (role.isEmpty() || role.contains("/")) {
      throw new CredentialsException(describe() + ": the metadata service named no usable role");
    }
    HttpUrl roleUrl = metadataUrl.newBuilder().addPathSegment(role).build();
    JsonObject answer;
    try {
      JsonElement parsed = JsonParser.parseString(get(roleUrl));
      if (!parsed.isJsonObject()) {
        throw new CredentialsException(describe() + ": the role's credentials are not a JSON object");
      }
      answer = parsed.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new CredentialsException(describe() + ": the role's credentials are not valid JSON");
    }
    JsonElement code = answer.get("Code");
    if (code != null && !(code.isJsonPrimitive() && "Success".equals(code.getAsString()))) {
      // Only the string Success is success: an object, array, number or null Code is no answer to trust.
      throw new CredentialsException(describe() + ": the metadata service answered Code "
          + (code.isJsonPrimitive() ? printable(code.getAsString()) : "of JSON type " + (code.isJsonNull() ? "null"
              : code.isJsonObject() ? "object" : "array")));
    }
    Long expiredTime;
    try {
      expiredTime = answer.has("ExpiredTime") && !answer.get("ExpiredTime").isJsonNull()
          ? answer.get("ExpiredTime").getAsLong() : null;
    } catch (RuntimeException e) {
      expiredTime = null;
    }
    return TemporaryCredentials.of(describe(), text(answer, "TmpSecretId"), text(answer, "TmpSecretKey"),
        text(answer, "Token"), expiredTime);
  }

  private String get(HttpUrl url) {
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new CredentialsException(describe() + ": GET " + url.encodedPath() + " answered HTTP " + response.code());
      }
      return read(response.body().byteStream());
    } catch (IOException e) {
      throw new CredentialsException(describe() + ": the metadata service did not answer (" + e.getClass().getSimpleName()
          + "); this works only on a CVM instance with a CAM role", e);
    }
  }

  private String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      bytes.write(buffer, 0, n);
      if (bytes.size() > MAX_ANSWER_BYTES) {
        throw new CredentialsException(describe() + ": the metadata answer is larger than " + MAX_ANSWER_BYTES + " bytes");
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static String firstLine(String text) {
    for (String line : text.split("\r?\n")) {
      if (!line.trim().isEmpty()) {
        return line.trim();
      }
    }
    return "";
  }

  private static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  /** Server text in a message: bounded and with control characters replaced. */
  private static String printable(String text) {
    String bounded = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return bounded.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private String describe() {
    return "CVM role (metadata service " + metadataUrl + ")";
  }

  /** Releases the connections kept to the metadata service. */
  @Override
  public void close() {
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "CvmRoleCredentialsProvider(" + metadataUrl + (roleName == null ? "" : ", role " + roleName) + ")";
  }

  /** Builder of {@link CvmRoleCredentialsProvider}. */
  public static final class Builder {
    private HttpUrl metadataUrl = HttpUrl.parse(DEFAULT_METADATA_URL);
    private String roleName;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * @param url the directory of role credentials, {@link #DEFAULT_METADATA_URL} by default (tests
     *     point it at a local server); an http(s) URL ending in {@code /}
     * @return this builder
     */
    public Builder metadataUrl(String url) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
      if (parsed == null || !parsed.encodedPath().endsWith("/")) {
        throw new IllegalArgumentException("metadataUrl must be an http(s) URL ending in /, was " + url);
      }
      this.metadataUrl = parsed;
      return this;
    }

    /**
     * @param roleName the role to read, skipping the request that asks the metadata service for
     *     it; null to ask
     * @return this builder
     */
    public Builder roleName(String roleName) {
      this.roleName = roleName == null || roleName.trim().isEmpty() ? null : roleName.trim();
      return this;
    }

    /**
     * @param timeout bound of connecting and of reading, per request; positive, at most a minute
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("timeout must be positive and at most 1 minute, was " + timeout);
      }
      this.timeout = timeout;
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

    /** @return the provider; nothing is fetched until credentials are first asked for */
    public CvmRoleCredentialsProvider build() {
      return new CvmRoleCredentialsProvider(this);
    }
  }
}
