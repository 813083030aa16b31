package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.auth.Tc3Signer;
import java.io.IOException;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signs every request that carries a {@link SigningContext}: sets {@code Host},
 * {@code X-TC-Timestamp}, {@code Authorization} and, for temporary credentials, {@code X-TC-Token};
 * an unsigned action gets {@code Authorization: SKIP} and no token.
 * Each pass through the interceptor takes a fresh timestamp, so a repeated call is signed anew.
 */
@InternalApi
public final class Tc3SigningInterceptor implements Interceptor {
  /** Authorization of an action the spec marks unsigned. */
  static final String UNSIGNED = "SKIP";

  private final Tc3Signer signer;
  private final Clock clock;

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
    Request request = chain.request();
    SigningContext context = request.tag(SigningContext.class);
    if (context == null || request.body() == null) {
      throw new IllegalStateException("request to " + request.url().host() + " has no SigningContext tag and body");
    }
    MediaType contentType = request.body().contentType();
    if (contentType == null) {
      throw new IllegalStateException("request body has no content type to sign");
    }
    long timestamp = Math.floorDiv(clock.millis(), 1000L);
    String host = hostHeader(request.url());
    if (!context.signed()) {
      // An unsigned action (x-tc-unsigned): the service skips the signature check and must see no token.
      return chain.proceed(request.newBuilder()
          .header("Host", host)
          .header("X-TC-Timestamp", Long.toString(timestamp))
          .header("Authorization", UNSIGNED)
          .removeHeader("X-TC-Token")
          .build());
    }
    String authorization = signer.authorization(context.credentials(), context.service(), timestamp,
        host, contentType.toString(), context.payload());
    Request.Builder signed = request.newBuilder()
        .header("Host", host)
        .header("X-TC-Timestamp", Long.toString(timestamp))
        .header("Authorization", authorization);
    String token = context.credentials().sessionToken();
    if (token != null) {
      signed.header("X-TC-Token", token);
    }
    return chain.proceed(signed.build());
  }

  /** The Host header as OkHttp would send it: the port only when it is not the scheme's default. */
  static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }
}
