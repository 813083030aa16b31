package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.CallOptions;
import io.github.tcvod.RateLimit;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.auth.Tc3Signer;
import io.github.tcvod.exception.InternalErrorException;
import io.github.tcvod.spi.ActionDescriptor;
import io.github.tcvod.internal.ActionInvoker;
import io.github.tcvod.internal.SkewAdjustedClock;
import io.github.tcvod.internal.http.Tc3SigningInterceptor;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An action the spec does not mark idempotent is attempted once unless the policy says otherwise. */
class NonIdempotentRetryTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final ActionDescriptor CREATE = ActionDescriptor.builder("CreateSomething")
      .version("2018-07-17").service("vod").build();

  private ActionInvoker invoker(RetryPolicy policy) {
    ActionInvoker.Config config = new ActionInvoker.Config();
    config.clock = new SkewAdjustedClock(Clock.systemUTC());
    config.http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .addInterceptor(new Tc3SigningInterceptor(Tc3Signer.create(), config.clock)).build();
    config.ownsHttpClient = true;
    config.endpoint = HttpUrl.get("http://127.0.0.1:" + server.getPort());
    config.credentials = CredentialsProvider.of(Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY));
    config.retryPolicy = policy;
    config.rateLimit = RateLimit.disabled();
    return new ActionInvoker(config);
  }

  private void call(ActionInvoker invoker) {
    invoker.invoke(CREATE, DescribeProcessImageAsyncTemplatesRequest.builder().build(),
        DescribeProcessImageAsyncTemplatesResponse.class, CallOptions.none());
  }

  @Test
  void retryableFailureOfANonIdempotentActionIsAttemptedOnce() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.error("InternalError"))));
    try (ActionInvoker invoker = invoker(RetryPolicy.builder().baseDelay(Duration.ZERO).build())) {
      assertEquals(1, assertThrows(InternalErrorException.class, () -> call(invoker)).attempts());
    }
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void policyCanOptInToRetryingIt() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.error("InternalError"))));
    try (ActionInvoker invoker = invoker(RetryPolicy.builder().baseDelay(Duration.ZERO).retryNonIdempotent(true).build())) {
      assertEquals(3, assertThrows(InternalErrorException.class, () -> call(invoker)).attempts());
    }
    assertEquals(3, server.findAll(anyRequestedFor(anyUrl())).size());
  }
}
