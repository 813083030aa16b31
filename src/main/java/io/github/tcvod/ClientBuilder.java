package io.github.tcvod;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.auth.DefaultCredentialsProvider;
import io.github.tcvod.auth.Tc3Signer;
import io.github.tcvod.internal.ActionInvoker;
import io.github.tcvod.internal.CallListeners;
import io.github.tcvod.internal.Durations;
import io.github.tcvod.internal.LoggingCallListener;
import io.github.tcvod.internal.RuntimeVersions;
import io.github.tcvod.internal.SkewAdjustedClock;
import io.github.tcvod.internal.http.LoggingInterceptor;
import io.github.tcvod.internal.http.NoResendInterceptor;
import io.github.tcvod.internal.http.ParsedTypeInterceptor;
import io.github.tcvod.internal.http.SocketTimeouts;
import io.github.tcvod.internal.http.SocketWatchdog;
import io.github.tcvod.internal.http.Tc3SigningInterceptor;
import io.github.tcvod.spi.ClientRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Options shared by every generated client's builder. Defaults: the service's endpoint over
 * HTTPS, credentials from {@link DefaultCredentialsProvider}, no region, no language, connect
 * timeout 10 s, read timeout 10 s, write timeout 30 s, 60 s for each attempt,
 * {@link RetryPolicy#defaults()}, {@link RateLimit#fromSpec()}, response bodies up to 8 MiB, no
 * request logging, and an HTTP client of the client's own, speaking HTTP/1.1, whose sockets keep the
 * read and write timeouts. Durations are at most 24 hours.
 *
 * @param <B> the concrete builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /**
   * Default read timeout: short enough that a hung read fails, and is retried, well within the
   * default retry window of {@link RetryPolicy#defaults()} (20 s).
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  /** Default write timeout. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
  /** Default timeout of a whole call. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** Default limit of a response body, decompressed: 8 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BODY_SIZE = ActionInvoker.DEFAULT_MAX_RESPONSE_BYTES;
  /** Longest region name accepted. */
  private static final int MAX_REGION_LENGTH = 64;

  private HttpUrl endpoint;
  private String region;
  private String language;
  private CredentialsProvider credentialsProvider;
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration writeTimeout;
  private Duration callTimeout;
  private OkHttpClient httpClient;
  private Clock clock = Clock.systemUTC();
  private Tc3Signer signer;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private RateLimit rateLimit = RateLimit.fromSpec();
  private RequestLogger requestLogger;
  private long maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
  private final List<CallListener> listeners = new ArrayList<>();

  /** @param defaultEndpoint the service's endpoint from the spec */
  protected ClientBuilder(String defaultEndpoint) {
    this.endpoint = parseEndpoint(defaultEndpoint);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * @param endpoint a host ({@code vod.tencentcloudapi.com}, HTTPS assumed) or a URL with scheme,
   *     host and optional port ({@code http://127.0.0.1:8080}); no path, query or fragment
   * @return this builder
   * @throws IllegalArgumentException if it is not such a host or URL, or it has user info
   *     ({@code user:password@}): credentials never go in the endpoint
   */
  public B endpoint(String endpoint) {
    this.endpoint = parseEndpoint(endpoint);
    return self();
  }

  private static HttpUrl parseEndpoint(String endpoint) {
    if (endpoint == null || endpoint.trim().isEmpty()) {
      throw new IllegalArgumentException("endpoint must not be null or blank");
    }
    String text = endpoint.trim();
    HttpUrl url = HttpUrl.parse(text.contains("://") ? text : "https://" + text);
    // Messages quote the endpoint only when it cannot hold a password.
    String quoted = text.indexOf('@') >= 0 ? "(not shown: it contains '@')" : text;
    if (url == null) {
      throw new IllegalArgumentException("endpoint is not an http(s) host or URL: " + quoted);
    }
    if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
      throw new IllegalArgumentException("endpoint must not contain user info (user:password@); pass credentials"
          + " with credentials(...) instead");
    }
    if (!"/".equals(url.encodedPath()) || url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException("endpoint must have no path, query or fragment (API 3.0 always posts to /): " + quoted);
    }
    return url;
  }

  /**
   * @param region the region sent as {@code X-TC-Region}, e.g. {@code ap-guangzhou}: lowercase
   *     letters, digits and hyphens, at most 64 characters; null for none
   * @return this builder
   * @throws IllegalArgumentException for any other value (the message does not repeat it)
   */
  public B region(String region) {
    String value = region == null || region.trim().isEmpty() ? null : region.trim();
    if (value != null && (value.length() > MAX_REGION_LENGTH || !value.matches("[a-z0-9-]+"))) {
      throw new IllegalArgumentException("region must be lowercase letters, digits and hyphens, at most "
          + MAX_REGION_LENGTH + " characters, like ap-guangzhou");
    }
    this.region = value;
    return self();
  }

  /**
   * @param language language of error messages, {@code zh-CN} or {@code en-US}; null for the service's default
   * @return this builder
   * @throws IllegalArgumentException for any other value
   */
  public B language(String language) {
    if (language != null && !"zh-CN".equals(language) && !"en-US".equals(language)) {
      throw new IllegalArgumentException("language must be zh-CN or en-US");
    }
    this.language = language;
    return self();
  }

  /**
   * @param credentials fixed credentials
   * @return this builder
   */
  public B credentials(Credentials credentials) {
    this.credentialsProvider = CredentialsProvider.of(credentials);
    return self();
  }

  /**
   * @param provider source of the credentials of each call
   * @return this builder
   */
  public B credentialsProvider(CredentialsProvider provider) {
    if (provider == null) {
      throw new IllegalArgumentException("credentialsProvider must not be null");
    }
    this.credentialsProvider = provider;
    return self();
  }

  /**
   * @param timeout time allowed to open a connection; positive
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return self();
  }

  /**
   * @param timeout time allowed between two reads of the answer; positive
   * @return this builder
   */
  public B readTimeout(Duration timeout) {
    this.readTimeout = positive("readTimeout", timeout);
    return self();
  }

  /**
   * @param timeout time allowed between two writes of the request; positive
   * @return this builder
   */
  public B writeTimeout(Duration timeout) {
    this.writeTimeout = positive("writeTimeout", timeout);
    return self();
  }

  /**
   * @param timeout time allowed for one attempt, from connecting to reading the last byte; positive.
   *     For a deadline over all attempts of a call use {@link CallOptions#timeout(Duration)}.
   * @return this builder
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = positive("callTimeout", timeout);
    return self();
  }

  private static Duration positive(String name, Duration timeout) {
    return Durations.checkSetting(name, timeout, false);
  }

  /**
   * @param bytes the largest response body read, counted after decompression; a larger answer
   *     fails with {@link io.github.tcvod.exception.ResponseTooLargeException} and reading stops
   *     there. Positive; {@link #DEFAULT_MAX_RESPONSE_BODY_SIZE} by default
   * @return this builder
   */
  public B maxResponseBodySize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxResponseBodySize must be positive, was " + bytes);
    }
    this.maxResponseBodySize = bytes;
    return self();
  }

  /**
   * Uses the caller's HTTP client (proxies, TLS, connection pool, dispatcher). The client shares
   * its pool and threads with it and does not shut them down on close. Its timeouts are kept
   * unless set on this builder, except that a client without a call timeout gets
   * {@link #DEFAULT_CALL_TIMEOUT}, so that every attempt ends. Whatever the client's settings, the
   * SDK's calls never follow redirects and OkHttp never re-sends them on its own: only the
   * SDK's retry policy repeats a call.
   *
   * @param httpClient the HTTP client
   * @return this builder
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = httpClient;
    return self();
  }

  /**
   * @param clock source of the request timestamps (tests, clock-skew correction)
   * @return this builder
   */
  public B clock(Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    this.clock = clock;
    return self();
  }

  /**
   * @param signer computes the Authorization header; {@link Tc3Signer#create()} by default
   * @return this builder
   */
  public B signer(Tc3Signer signer) {
    this.signer = signer;
    return self();
  }

  /**
   * @param retryPolicy when failed calls are repeated; {@link RetryPolicy#none()} to never repeat
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    if (retryPolicy == null) {
      throw new IllegalArgumentException("retryPolicy must not be null");
    }
    this.retryPolicy = retryPolicy;
    return self();
  }

  /**
   * @param rateLimit the client-side rate limit; {@link RateLimit#disabled()} to send as fast as called
   * @return this builder
   */
  public B rateLimit(RateLimit rateLimit) {
    if (rateLimit == null) {
      throw new IllegalArgumentException("rateLimit must not be null");
    }
    this.rateLimit = rateLimit;
    return self();
  }

  /**
   * @param requestLogger receives a line per request and answer, secrets redacted, and a line per
   *     rate-limit wait, retry and clock-skew correction; null for none
   * @return this builder
   */
  public B requestLogger(RequestLogger requestLogger) {
    this.requestLogger = requestLogger;
    return self();
  }

  /**
   * Adds a listener of every call's events: start and end, attempts, retries, rate-limit waits,
   * clock-skew corrections (see {@link CallListener}). Listeners are told in the order they were
   * added; what they throw never fails a call. A client without listeners pays nothing for them.
   *
   * @param listener the listener; not null
   * @return this builder
   */
  public B listener(CallListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    listeners.add(listener);
    return self();
  }

  /**
   * For the generated subclass's {@code build()}: each call returns a new runtime, with HTTP
   * resources of its own unless {@link #httpClient(OkHttpClient)} supplied them.
   *
   * @return the runtime a generated client delegates every action to, built from these options
   */
  protected final ClientRuntime newRuntime() {
    RuntimeVersions.verify();
    ActionInvoker.Config config = new ActionInvoker.Config();
    config.ownsHttpClient = httpClient == null;
    config.clock = new SkewAdjustedClock(clock);
    OkHttpClient.Builder http;
    if (config.ownsHttpClient) {
      http = new OkHttpClient.Builder();
      apply(http, orDefault(connectTimeout, DEFAULT_CONNECT_TIMEOUT), null, null);
      config.sockets = new SocketWatchdog(orDefault(readTimeout, DEFAULT_READ_TIMEOUT).toNanos(),
          orDefault(writeTimeout, DEFAULT_WRITE_TIMEOUT).toNanos(), System::nanoTime);
      SocketTimeouts.apply(http, config.sockets, endpoint);
    } else {
      http = httpClient.newBuilder();
      apply(http, connectTimeout, readTimeout, writeTimeout);
    }
    // The SDK ends attempts past the limit itself, unless it is the caller's client's own call timeout.
    Duration attemptLimit = callTimeout != null ? callTimeout
        : config.ownsHttpClient || httpClient.callTimeoutMillis() == 0 ? DEFAULT_CALL_TIMEOUT : null;
    if (attemptLimit != null) {
      http.callTimeout(0, TimeUnit.MILLISECONDS);
      config.attemptTimeoutNanos = attemptLimit.toNanos();
    }
    withoutResends(http);
    if (RuntimeVersions.okHttpAsksEveryAnswerItsType()) {
      http.addNetworkInterceptor(new ParsedTypeInterceptor());
    }
    http.addInterceptor(new Tc3SigningInterceptor(signer == null ? Tc3Signer.create() : signer, config.clock));
    if (requestLogger != null) {
      http.addInterceptor(new LoggingInterceptor(requestLogger));
    }
    config.http = http.build();
    config.maxResponseBytes = maxResponseBodySize;
    config.endpoint = endpoint;
    config.region = region;
    config.language = language;
    config.credentials = credentialsProvider == null ? DefaultCredentialsProvider.create() : credentialsProvider;
    config.retryPolicy = retryPolicy;
    config.rateLimit = rateLimit;
    config.listeners = callListeners();
    return new ActionInvoker(config);
  }

  /** The request logger's call-level lines are one more listener, after the application's. */
  private CallListeners callListeners() {
    List<CallListener> all = new ArrayList<>(listeners);
    if (requestLogger != null) {
      all.add(new LoggingCallListener(requestLogger));
    }
    return all.isEmpty() ? null : new CallListeners(all, requestLogger);
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value != null ? value : fallback;
  }

  /**
   * Re-sends are the SDK's business (signed anew, idempotent actions only), not OkHttp's, and a
   * redirect would carry the signed request and its token to another host: both are turned off
   * on the SDK's own client and on a derived copy of the caller's.
   */
  private static void withoutResends(OkHttpClient.Builder http) {
    http.followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
        .authenticator(Authenticator.NONE).addNetworkInterceptor(new NoResendInterceptor());
  }

  private static void apply(OkHttpClient.Builder http, Duration connect, Duration read, Duration write) {
    if (connect != null) {
      http.connectTimeout(Durations.toMillisRoundedUp(connect), TimeUnit.MILLISECONDS);
    }
    if (read != null) {
      http.readTimeout(Durations.toMillisRoundedUp(read), TimeUnit.MILLISECONDS);
    }
    if (write != null) {
      http.writeTimeout(Durations.toMillisRoundedUp(write), TimeUnit.MILLISECONDS);
    }
  }
}
