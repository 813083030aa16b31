package io.github.tcvod.bench;

import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The exact request the SDK puts on the wire, captured once from a real SDK call (a network
 * interceptor sees it after signing and after OkHttp added its own headers), so that the raw modes
 * send the same bytes as the SDK, whatever the SDK's headers become. Uses only the SDK's public API.
 */
final class WireRequest {
  /** Headers OkHttp writes itself; the raw OkHttp request leaves them to it, as the SDK does. */
  private static final Set<String> ADDED_BY_OKHTTP =
      new HashSet<>(Arrays.asList("content-length", "content-type", "connection", "accept-encoding", "user-agent", "transfer-encoding"));

  private WireRequest() {
  }

  /** @return the request line, headers and body of the SDK's call of the seed request to {@code endpoint} */
  static byte[] capture(String endpoint) throws IOException {
    return capture(endpoint, new OkHttpClient());
  }

  /** @return the same, with the SDK's client built on {@code base} (its socket factory, say) */
  static byte[] capture(String endpoint, OkHttpClient base) throws IOException {
    AtomicReference<byte[]> wire = new AtomicReference<>();
    OkHttpClient recording = base.newBuilder().addNetworkInterceptor(chain -> {
      Request request = chain.request();
      StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.url().encodedPath()).append(" HTTP/1.1\r\n");
      for (int i = 0; i < request.headers().size(); i++) {
        head.append(request.headers().name(i)).append(": ").append(request.headers().value(i)).append("\r\n");
      }
      head.append("\r\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      Buffer body = new Buffer();
      request.body().writeTo(body);
      out.write(body.readByteArray());
      wire.set(out.toByteArray());
      return chain.proceed(request);
    }).build();
    try (VodClient sdk = VodClient.builder().endpoint(endpoint).credentials(Credentials.of("AKIDbench", "bench-key"))
        .rateLimit(RateLimit.disabled()).httpClient(recording).build()) {
      sdk.describeProcessImageAsyncTemplates(LoopbackClient.seedRequest());
    } finally {
      recording.dispatcher().executorService().shutdown();
      recording.connectionPool().evictAll();
    }
    return wire.get();
  }

  /** @return the captured request as an OkHttp request to {@code endpoint}, built once and reused */
  static Request toOkHttp(byte[] wire, String endpoint) {
    int headEnd = headEnd(wire);
    String[] lines = new String(wire, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    Request.Builder request = new Request.Builder().url(endpoint + lines[0].split(" ")[1]);
    MediaType contentType = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equalsIgnoreCase("content-type")) {
        contentType = MediaType.get(value);
      }
      if (!ADDED_BY_OKHTTP.contains(name.toLowerCase(Locale.ROOT))) {
        request.addHeader(name, value);
      }
    }
    byte[] body = Arrays.copyOfRange(wire, headEnd + 4, wire.length);
    return request.method(lines[0].split(" ")[0], RequestBody.create(body, contentType)).build();
  }

  private static int headEnd(byte[] wire) {
    for (int i = 0; i + 3 < wire.length; i++) {
      if (wire[i] == '\r' && wire[i + 1] == '\n' && wire[i + 2] == '\r' && wire[i + 3] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("no end of head in the captured request");
  }
}
