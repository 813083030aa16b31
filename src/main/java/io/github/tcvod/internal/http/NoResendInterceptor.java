package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from re-sending a request on its own. OkHttp repeats
 * a request answered 503 with {@code Retry-After: 0} (and, with connection retries on, 408),
 * whatever {@code retryOnConnectionFailure} says, and fails with a raw
 * {@code NumberFormatException} on a {@code Retry-After} beyond an int. Only the SDK may decide
 * a re-send (it knows which actions are idempotent), so the header is moved out of OkHttp's
 * sight, under {@link #RETRY_AFTER}, before OkHttp's follow-up logic reads it.
 */
@InternalApi
public final class NoResendInterceptor implements Interceptor {
  /** Where the answer's {@code Retry-After} is kept for the SDK. */
  public static final String RETRY_AFTER = "X-Tcvod-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    Response.Builder hidden = response.newBuilder().removeHeader("Retry-After");
    if (isHeaderSafe(retryAfter)) {
      hidden.header(RETRY_AFTER, retryAfter);
    }
    return hidden.build();
  }

  private static boolean isHeaderSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param response an answer
   * @return its Retry-After as the server sent it, or null
   */
  public static String retryAfter(Response response) {
    String moved = response.header(RETRY_AFTER);
    return moved != null ? moved : response.header("Retry-After");
  }
}
