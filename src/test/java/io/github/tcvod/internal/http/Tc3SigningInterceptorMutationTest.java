package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcvod.auth.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * The signed request's headers are exactly what {@code newBuilder().header(...)} calls would make
 * (the way the interceptor built them before it checked for the names once): every other header in
 * its order, then one Host, X-TC-Timestamp, Authorization and, with a session token, X-TC-Token.
 */
class Tc3SigningInterceptorMutationTest {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String URL = "https://vod.tencentcloudapi.com/";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 999_000_000L), ZoneOffset.UTC);

  /** The headers as the interceptor built them with one header() call per signing header. */
  private static Headers reference(Request request, String host, String timestamp, String authorization, String token,
      boolean unsigned) {
    Request.Builder builder = request.newBuilder().header("Host", host).header("X-TC-Timestamp", timestamp)
        .header("Authorization", authorization);
    if (unsigned) {
      builder.removeHeader("X-TC-Token");
    } else if (token != null) {
      builder.header("X-TC-Token", token);
    }
    return builder.build().headers();
  }

  private static List<Headers> startingHeaders() {
    List<Headers> all = new ArrayList<>();
    all.add(Headers.of());
    all.add(Headers.of("X-TC-Action", "DescribeThings", "X-TC-Version", "2018-07-17", "X-TC-Language", "en-US"));
    all.add(Headers.of("host", "old.example", "X-TC-Action", "A"));
    all.add(Headers.of("X-TC-Action", "A", "X-Tc-Timestamp", "1", "Other", "o"));
    all.add(Headers.of("AUTHORIZATION", "old", "X-TC-Action", "A", "authorization", "older"));
    all.add(Headers.of("X-TC-Action", "A", "x-tc-token", "old-token", "Z", "z"));
    all.add(Headers.of("x-tc-token", "t1", "X-TC-TOKEN", "t2"));
    all.add(Headers.of("Host", "h", "X-TC-Timestamp", "1", "Authorization", "a", "X-TC-Token", "t", "Last", "l"));
    all.add(Headers.of("Hos", "not host", "X-TC-Timestamps", "not it", "Authorizatio", "no", "X-TC-Tokens", "no"));
    all.add(new Headers.Builder().add("X-TC-Action", "A").addUnsafeNonAscii("Note", "caf\u00e9")
        .add("Host", "h").build());
    return all;
  }

  @Test
  void signedHeadersAreWhatHeaderCallsWouldMake() {
    for (Headers start : startingHeaders()) {
      Request request = new Request.Builder().url(URL).headers(start).tag(String.class, "tag")
          .post(SigningContext.unsigned("vod", JSON, new byte[] {'{', '}'})).build();
      for (String token : new String[] {null, "session"}) {
        Request signed = Tc3SigningInterceptor.withHeaders(request, "vod.tencentcloudapi.com", "1700000000",
            "TC3 sig", token, token != null);
        assertEquals(reference(request, "vod.tencentcloudapi.com", "1700000000", "TC3 sig", token, false),
            signed.headers(), start + " token " + token);
        assertSame(request.body(), signed.body());
        assertEquals(request.url(), signed.url());
        assertEquals("POST", signed.method());
        assertEquals("tag", signed.tag(String.class));
      }
      Request unsigned = Tc3SigningInterceptor.withHeaders(request, "h:8080", "1", Tc3SigningInterceptor.UNSIGNED,
          null, true);
      assertEquals(reference(request, "h:8080", "1", Tc3SigningInterceptor.UNSIGNED, null, true), unsigned.headers(),
          start + " unsigned");
    }
  }

  /** What reaches the network, through the interceptor itself, for each kind of action and credentials. */
  @Test
  void theInterceptorSendsOneOfEachSigningHeader() throws IOException {
    Headers start = Headers.of("X-TC-Action", "A", "x-tc-token", "stale", "HOST", "stale", "authorization", "stale",
        "x-tc-timestamp", "1");
    assertEquals(Headers.of("X-TC-Action", "A", "x-tc-token", "stale", "Host", "vod.tencentcloudapi.com",
        "X-TC-Timestamp", "1700000000", "Authorization", "sig of id at 1700000000"),
        sent(start, new SigningContext(Credentials.of("id", "key"), "vod", JSON, new byte[0])));
    assertEquals(Headers.of("X-TC-Action", "A", "Host", "vod.tencentcloudapi.com", "X-TC-Timestamp", "1700000000",
        "Authorization", "sig of id at 1700000000", "X-TC-Token", "fresh"),
        sent(start, new SigningContext(Credentials.of("id", "key", "fresh"), "vod", JSON, new byte[0])));
    assertEquals(Headers.of("X-TC-Action", "A", "Host", "vod.tencentcloudapi.com", "X-TC-Timestamp", "1700000000",
        "Authorization", "SKIP"), sent(start, SigningContext.unsigned("vod", JSON, new byte[0])));
  }

  /**
   * What the signer, or anything after the interceptor, throws leaves it as an IOException, the only
   * kind OkHttp 3 calls an asynchronous call's callback with (any other escapes its thread, and the
   * call never ends).
   */
  @Test
  void uncheckedExceptionsInTheCallLeaveAsAnIOException() {
    IllegalStateException bug = new IllegalStateException("signer bug");
    Tc3SigningInterceptor failing = new Tc3SigningInterceptor((credentials, service, timestamp, host, contentType,
        payload) -> {
      throw bug;
    }, CLOCK);
    Request request = new Request.Builder().url(URL)
        .post(new SigningContext(Credentials.of("id", "key"), "vod", JSON, new byte[0])).build();
    UncheckedCallException failure = assertThrows(UncheckedCallException.class,
        () -> new OkHttpClient.Builder().addInterceptor(failing).build().newCall(request).execute());
    assertSame(bug, failure.getCause());
    assertFalse(failure.getMessage().contains("signer bug"), "a signer's message may hold anything: " + failure.getMessage());

    IllegalArgumentException later = new IllegalArgumentException("from further down");
    UncheckedCallException downstream = assertThrows(UncheckedCallException.class, () -> new OkHttpClient.Builder()
        .addInterceptor(interceptor)
        .addInterceptor(chain -> {
          throw later;
        }).build().newCall(request).execute());
    assertSame(later, downstream.getCause());
  }

  /** One interceptor for all calls: its Host and timestamp text, worked out once, serve the later calls. */
  private final Tc3SigningInterceptor interceptor = new Tc3SigningInterceptor(
      (credentials, service, timestamp, host, contentType, payload) ->
          "sig of " + credentials.secretId() + " at " + timestamp, CLOCK);

  private Headers sent(Headers start, SigningContext body) throws IOException {
    Headers[] seen = new Headers[1];
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(interceptor)
        .addInterceptor(chain -> {
          seen[0] = chain.request().headers();
          return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
              .body(ResponseBody.create(new byte[0], JSON)).build();
        })
        .build();
    try (Response ignored = client.newCall(new Request.Builder().url(URL).headers(start).post(body).build())
        .execute()) {
      return seen[0];
    }
  }
}
