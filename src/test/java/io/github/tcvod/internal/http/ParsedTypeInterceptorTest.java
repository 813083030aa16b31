package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

class ParsedTypeInterceptorTest {
  private static final Request REQUEST = new Request.Builder().url("http://127.0.0.1/").build();

  @Test
  void answersOfOneTypeShareOneParseAndTheBodyIsNeverAsked() throws IOException {
    ParsedTypeInterceptor interceptor = new ParsedTypeInterceptor();
    CountingBody first = new CountingBody("{}");
    CountingBody second = new CountingBody("{}");
    MediaType a = interceptor.intercept(chain(answer("application/json; charset=utf-8", first))).body().contentType();
    ResponseBody other = interceptor.intercept(chain(answer("application/json; charset=utf-8", second))).body();
    MediaType b = other.contentType();

    assertEquals(MediaType.parse("application/json; charset=utf-8"), a);
    assertSame(a, b);
    assertSame(a, other.contentType());
    assertEquals(0, first.typeAsked + second.typeAsked, "the bodies' own parse");
  }

  @Test
  void aNewTypeIsParsedAnewAndAnUnparsableOneIsNullAsOkHttpAnswers() throws IOException {
    ParsedTypeInterceptor interceptor = new ParsedTypeInterceptor();
    interceptor.intercept(chain(answer("application/json", new CountingBody("{}"))));
    assertEquals(MediaType.parse("text/plain"),
        interceptor.intercept(chain(answer("text/plain", new CountingBody("x")))).body().contentType());
    assertNull(interceptor.intercept(chain(answer("not a type", new CountingBody("x")))).body().contentType());
    assertEquals(MediaType.parse("application/json"),
        interceptor.intercept(chain(answer("application/json", new CountingBody("{}")))).body().contentType());
  }

  @Test
  void lengthSourceAndCloseAreTheBodysOwn() throws IOException {
    CountingBody body = new CountingBody("{\"Response\":{}}");
    Response answer = answer("application/json", body);
    Response typed = new ParsedTypeInterceptor().intercept(chain(answer));

    assertEquals(body.contentLength(), typed.body().contentLength());
    assertSame(body.source(), typed.body().source());
    assertEquals("{\"Response\":{}}", typed.body().source().readUtf8());
    typed.close();
    assertTrue(body.closed);
    assertEquals(answer.code(), typed.code());
    assertEquals(answer.headers(), typed.headers());
  }

  @Test
  void anAnswerWithoutTypeIsLeftAlone() throws IOException {
    Response answer = new Response.Builder().request(REQUEST).protocol(Protocol.HTTP_1_1).code(204).message("No Content")
        .body(new CountingBody("")).build();
    assertSame(answer, new ParsedTypeInterceptor().intercept(chain(answer)));
  }

  private static Response answer(String type, ResponseBody body) {
    return new Response.Builder().request(REQUEST).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .header("Content-Type", type).body(body).build();
  }

  /** Only request() and proceed() are asked of a chain here; a proxy keeps the test off the rest, which differs by OkHttp version. */
  private static Interceptor.Chain chain(Response answer) {
    return (Interceptor.Chain) Proxy.newProxyInstance(Interceptor.Chain.class.getClassLoader(),
        new Class<?>[] {Interceptor.Chain.class}, (proxy, method, arguments) -> {
          switch (method.getName()) {
            case "request":
              return REQUEST;
            case "proceed":
              return answer;
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }

  private static final class CountingBody extends ResponseBody {
    private final Buffer content = new Buffer();
    private final long length;
    int typeAsked;
    boolean closed;

    CountingBody(String text) {
      content.writeString(text, StandardCharsets.UTF_8);
      length = content.size();
    }

    @Override
    public MediaType contentType() {
      typeAsked++;
      return null;
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public BufferedSource source() {
      return content;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
