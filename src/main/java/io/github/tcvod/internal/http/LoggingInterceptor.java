package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.RequestLogger;
import io.github.tcvod.internal.SafeText;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each exchange as it goes on the wire, after signing: the request line and headers, then
 * the status, time and headers of the answer. Redacts the signature of {@code Authorization} and
 * the whole {@code X-TC-Token}; bodies are never logged. Of the answer's headers, only those of
 * {@link #LOGGED_RESPONSE_HEADERS} are logged (never {@code Set-Cookie} and the like), and
 * every value is bounded with control characters escaped, so a server cannot forge log lines.
 */
@InternalApi
public final class LoggingInterceptor implements Interceptor {
  /** The answer's headers that are logged, lowercase. */
  static final Set<String> LOGGED_RESPONSE_HEADERS = new HashSet<>(Arrays.asList("content-type", "content-length",
      "content-encoding", "transfer-encoding", "date", "retry-after", NoResendInterceptor.RETRY_AFTER.toLowerCase(Locale.ROOT),
      "x-tc-requestid", "connection"));

  private final RequestLogger logger;

  /** @param logger receives the lines */
  public LoggingInterceptor(RequestLogger logger) {
    this.logger = logger;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    log("--> " + request.method() + " " + request.url() + " (" + (request.body() == null ? 0 : request.body().contentLength()) + "-byte body)");
    logHeaders(request.headers(), false);
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log("<-- failed after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + e.getClass().getSimpleName());
      throw e;
    }
    log("<-- " + response.code() + " " + request.url() + " (" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms)");
    logHeaders(response.headers(), true);
    return response;
  }

  /** A logger that throws must not fail or retry the call it describes. */
  private void log(String line) {
    try {
      logger.log(line);
    } catch (RuntimeException ignored) {
      // dropped: the call matters more than its log line
    }
  }

  private void logHeaders(Headers headers, boolean fromServer) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (fromServer && !LOGGED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      log("    " + SafeText.of(name, 64) + ": " + SafeText.of(redact(name, headers.value(i))));
    }
  }

  /**
   * @param name a header name
   * @param value its value
   * @return the value with secrets removed
   */
  static String redact(String name, String value) {
    if ("X-TC-Token".equalsIgnoreCase(name)) {
      return "<redacted>";
    }
    if ("Authorization".equalsIgnoreCase(name)) {
      int signature = value.indexOf("Signature=");
      return signature < 0 ? "<redacted>" : value.substring(0, signature + "Signature=".length()) + "<redacted>";
    }
    return value;
  }
}
