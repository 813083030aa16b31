package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A network interceptor that gives each answer's body a {@code Content-Type} parsed once for all
 * answers that carry the same text. OkHttp 5's body parses the header's text again, with regular
 * expressions, each time it is asked for its type, and OkHttp 5's cache interceptor asks once per
 * call, cache or no cache: about 2% of a call's CPU on the loopback benchmark (BENCHMARKS.md).
 * OkHttp 3 and 4 never ask on the SDK's path, so the client builder installs this on OkHttp 5 only.
 * The body's length, source and close stay the body's own.
 */
@InternalApi
public final class ParsedTypeInterceptor implements Interceptor {
  /**
   * The last type parsed; a new text replaces it, so nothing accumulates. Its {@code toString()} is
   * the text it was parsed from, in every OkHttp.
   */
  private volatile MediaType last;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    String text = response.header("Content-Type");
    if (body == null || text == null) {
      return response;
    }
    return response.newBuilder().body(new TypedBody(body, parsed(text))).build();
  }

  private MediaType parsed(String text) {
    MediaType cached = last;
    if (cached != null && cached.toString().equals(text)) {
      return cached;
    }
    // null when OkHttp cannot parse it, as the body would have answered (and parsed again next time, as there).
    MediaType type = MediaType.parse(text);
    if (type != null) {
      last = type;
    }
    return type;
  }

  private static final class TypedBody extends ResponseBody {
    private final ResponseBody body;
    private final MediaType type;

    TypedBody(ResponseBody body, MediaType type) {
      this.body = body;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return body.source();
    }

    @Override
    public void close() {
      body.close();
    }
  }
}
