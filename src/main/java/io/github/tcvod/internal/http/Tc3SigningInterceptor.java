package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Tc3Signer;
import java.io.IOException;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signs every request whose body is a {@link SigningContext}: sets {@code Host},
 * {@code X-TC-Timestamp}, {@code Authorization} and, for temporary credentials, {@code X-TC-Token};
 * an unsigned action gets {@code Authorization: SKIP} and no token.
 * Each pass through the interceptor takes a fresh timestamp, so a repeated call is signed anew.
 * An unchecked exception thrown here or further down the chain (the signer's, OkHttp's) leaves as
 * an {@link UncheckedCallException}.
 */
@InternalApi
public final class Tc3SigningInterceptor implements Interceptor {
  /** Authorization of an action the spec marks unsigned. */
  static final String UNSIGNED = "SKIP";

  private final Tc3Signer signer;
  private final Clock clock;
  private volatile HostOfUrl lastHost;
  /** Calls of the same second share the text of their timestamp. */
  private volatile Timestamp lastTimestamp;

  /**
   * @param signer computes the Authorization header
   * @param clock source of X-TC-Timestamp
   */
  public Tc3SigningInterceptor(Tc3Signer signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return signAndProceed(chain);
    } catch (RuntimeException e) {
      throw new UncheckedCallException(e);
    }
  }

  private Response signAndProceed(Chain chain) throws IOException {
    Request request = chain.request();
    if (!(request.body() instanceof SigningContext)) {
      throw new IllegalStateException("request to " + request.url().host() + " has no SigningContext body");
    }
    SigningContext context = (SigningContext) request.body();
    MediaType contentType = context.contentType();
    long timestamp = Math.floorDiv(clock.millis(), 1000L);
    String host = host(request.url());
    if (!context.signed()) {
      // An unsigned action (x-tc-unsigned): the service skips the signature check and must see no token.
      return chain.proceed(withHeaders(request, host, timestampText(timestamp), UNSIGNED, null, true));
    }
    String authorization = signer.authorization(context.credentials(), context.service(), timestamp,
        host, contentType.toString(), context.payload());
    String token = context.credentials().sessionToken();
    return chain.proceed(withHeaders(request, host, timestampText(timestamp), authorization, token, token != null));
  }

  /**
   * The request with its signing headers, as {@code newBuilder().header(Host).header(X-TC-Timestamp)
   * .header(Authorization)} and then {@code .header(X-TC-Token)} or {@code .removeHeader(X-TC-Token)}
   * would make it: every other header kept in its order, then one of each signing header. Each
   * {@code header()} call scans all headers case-insensitively; a request rarely carries one of these
   * names already, so one scan checks for them and, when none is there, the new ones are only appended.
   *
   * @param token the X-TC-Token to set, or null
   * @param replaceToken whether an X-TC-Token the request carries goes (replaced by {@code token} if any)
   */
  static Request withHeaders(Request request, String host, String timestamp, String authorization, String token,
      boolean replaceToken) {
    Request.Builder builder = request.newBuilder();
    if (carriesAny(request.headers(), replaceToken)) {
      builder.header("Host", host).header("X-TC-Timestamp", timestamp).header("Authorization", authorization);
      if (token != null) {
        builder.header("X-TC-Token", token);
      } else if (replaceToken) {
        builder.removeHeader("X-TC-Token");
      }
    } else {
      builder.addHeader("Host", host).addHeader("X-TC-Timestamp", timestamp).addHeader("Authorization", authorization);
      if (token != null) {
        builder.addHeader("X-TC-Token", token);
      }
    }
    return builder.build();
  }

  private static boolean carriesAny(Headers headers, boolean replaceToken) {
    for (int i = 0, size = headers.size(); i < size; i++) {
      if (isSigningHeader(headers.name(i), replaceToken)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The signing headers differ in length: the name's length picks the one it may be, and a single
   * case-insensitive comparison (large once compiled) tells.
   */
  private static boolean isSigningHeader(String name, boolean token) {
    String signing;
    switch (name.length()) {
      case 4:
        signing = "Host";
        break;
      case 13:
        signing = "Authorization";
        break;
      case 14:
        signing = "X-TC-Timestamp";
        break;
      case 10:
        signing = token ? "X-TC-Token" : null;
        break;
      default:
        signing = null;
    }
    return signing != null && name.equalsIgnoreCase(signing);
  }

  /** The endpoint does not change per call: its Host header is worked out once. */
  private String host(HttpUrl url) {
    HostOfUrl cached = lastHost;
    if (cached != null && (cached.url == url || cached.url.equals(url))) {
      return cached.host;
    }
    HostOfUrl fresh = new HostOfUrl(url, hostHeader(url));
    lastHost = fresh;
    return fresh.host;
  }

  private String timestampText(long seconds) {
    Timestamp cached = lastTimestamp;
    if (cached != null && cached.seconds == seconds) {
      return cached.text;
    }
    Timestamp fresh = new Timestamp(seconds);
    lastTimestamp = fresh;
    return fresh.text;
  }

  private static final class Timestamp {
    final long seconds;
    final String text;

    Timestamp(long seconds) {
      this.seconds = seconds;
      this.text = Long.toString(seconds);
    }
  }

  private static final class HostOfUrl {
    final HttpUrl url;
    final String host;

    HostOfUrl(HttpUrl url, String host) {
      this.url = url;
      this.host = host;
    }
  }

  /** The Host header as OkHttp would send it: the port only when it is not the scheme's default. */
  static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }
}
