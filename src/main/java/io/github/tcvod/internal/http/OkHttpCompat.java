package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * OkHttp calls whose only spelling common to 3.12 through 5.x is one that 4.x and later deprecate
 * in favour of Kotlin-style overloads, which 3.x lacks. Kept here so the rest of the core reads as
 * plain OkHttp.
 */
@InternalApi
public final class OkHttpCompat {
  private OkHttpCompat() {
  }

  /**
   * @param contentType the body's media type
   * @param content the bytes, sent as they are
   * @return a request body of those bytes
   */
  @SuppressWarnings("deprecation")
  public static RequestBody requestBody(MediaType contentType, byte[] content) {
    return RequestBody.create(contentType, content);
  }
}
