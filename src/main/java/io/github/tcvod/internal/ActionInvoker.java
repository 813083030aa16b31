package io.github.tcvod.internal;

import com.google.gson.Gson;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.internal.http.ResponseReader;
import io.github.tcvod.internal.http.SigningContext;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs one action for a generated client: serializes the request, attaches the protocol headers
 * and the signing context, sends it, and reads the answer. Knows nothing about any one action.
 */
public final class ActionInvoker implements Closeable {
  /** Signed byte for byte as sent: OkHttp adds no charset to a body made from bytes. */
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final boolean ownsHttpClient;
  private final HttpUrl endpoint;
  private final String region;
  private final String language;
  private final CredentialsProvider credentials;
  private final Gson gson;
  private final ResponseReader reader;

  /**
   * @param http the HTTP client, with {@link io.github.tcvod.internal.http.Tc3SigningInterceptor} installed
   * @param ownsHttpClient whether {@link #close()} shuts the HTTP client's threads and connections down
   * @param endpoint the endpoint URL, path {@code /}
   * @param region the X-TC-Region header, or null
   * @param language the X-TC-Language header, or null
   * @param credentials the credentials of each call
   */
  public ActionInvoker(OkHttpClient http, boolean ownsHttpClient, HttpUrl endpoint, String region, String language,
      CredentialsProvider credentials) {
    this.http = http;
    this.ownsHttpClient = ownsHttpClient;
    this.endpoint = endpoint;
    this.region = region;
    this.language = language;
    this.credentials = credentials;
    this.gson = Json.GSON;
    this.reader = new ResponseReader(gson);
  }

  /**
   * @param action what the spec says about the action
   * @param request the request model
   * @param responseType the response model's class
   * @param <T> the response model
   * @return the response
   * @throws io.github.tcvod.exception.VodException when the call fails
   */
  public <T> T invoke(ActionDescriptor action, Object request, Class<T> responseType) {
    if (request == null) {
      throw new IllegalArgumentException(action.name() + ": request must not be null");
    }
    Credentials resolved = credentials.resolveCredentials();
    byte[] payload = gson.toJson(request).getBytes(StandardCharsets.UTF_8);
    Request.Builder http = new Request.Builder()
        .url(endpoint)
        .post(RequestBody.create(payload, JSON))
        .header("X-TC-Action", action.name())
        .header("X-TC-Version", action.version())
        .header("X-TC-RequestClient", SdkInfo.REQUEST_CLIENT)
        .tag(SigningContext.class, new SigningContext(resolved, action.service(), payload));
    if (region != null) {
      http.header("X-TC-Region", region);
    }
    if (language != null) {
      http.header("X-TC-Language", language);
    }
    Response response;
    try {
      response = this.http.newCall(http.build()).execute();
    } catch (IOException e) {
      throw transportFailure(action, 0, e);
    }
    try (ResponseBody body = response.body()) {
      byte[] bytes;
      try {
        bytes = body.bytes();
      } catch (IOException e) {
        throw transportFailure(action, response.code(), e);
      }
      return reader.read(action.name(), response.code(), bytes, responseType);
    }
  }

  private static TransportException transportFailure(ActionDescriptor action, int status, IOException e) {
    String what = status == 0 ? "the HTTP exchange failed" : "the response body was cut short";
    return new TransportException(ErrorDetails.of(TransportException.CODE,
        what + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
        null, status, action.name()), e);
  }

  /** @return the HTTP client in use, with the signing interceptor installed */
  public OkHttpClient httpClient() {
    return http;
  }

  @Override
  public void close() {
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
