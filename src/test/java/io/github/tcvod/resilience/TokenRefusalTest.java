package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.model.DeleteProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AuthFailure.TokenFailure (the session token invalid, revoked or expired early) is retried once, as
 * the protocol says, after the credentials provider has discarded the refused credentials; never
 * more, and not when the provider has no others.
 */
class TokenRefusalTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMockCheckingSignatures();

  private static final String TOKEN_FAILURE =
      "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.TokenFailure\",\"Message\":\"token expired\"},\"RequestId\":\"t\"}}";
  private static final DescribeProcessImageAsyncTemplatesRequest DESCRIBE =
      DescribeProcessImageAsyncTemplatesRequest.builder().build();
  private static final Duration WATCHDOG = Duration.ofSeconds(20);

  /** Hands out "old-token" credentials until they are discarded, then "new-token" ones. */
  static final class RotatingProvider implements CredentialsProvider {
    final Credentials old = Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "old-token");
    final Credentials fresh = Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "new-token");
    volatile Credentials current = old;
    volatile int discards;
    volatile Credentials lastDiscarded;

    @Override
    public Credentials resolveCredentials() {
      return current;
    }

    @Override
    public boolean discard(Credentials rejected) {
      discards++;
      lastDiscarded = rejected;
      current = fresh;
      return true;
    }
  }

  @BeforeEach
  void answers() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    server.stubFor(post(urlEqualTo("/")).withHeader("X-TC-Token", equalTo("old-token"))
        .willReturn(aResponse().withBody(TOKEN_FAILURE)));
  }

  @Test
  void aRefusedTokenIsRetriedOnceWithTheProvidersNewCredentials() {
    RotatingProvider provider = new RotatingProvider();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(provider).build()) {
      assertEquals(4L, vod.describeProcessImageAsyncTemplates(DESCRIBE).totalCount(), "even with retries off");
    }
    List<LoggedRequest> seen = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(2, seen.size());
    assertEquals("old-token", seen.get(0).getHeader("X-TC-Token"));
    assertEquals("new-token", seen.get(1).getHeader("X-TC-Token"));
    assertEquals(1, provider.discards);
    assertSame(provider.old, provider.lastDiscarded, "the credentials the refused request was signed with");
  }

  @Test
  void anActionThatMayNotBeRepeatedIsRetriedToo() {
    RotatingProvider provider = new RotatingProvider();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(provider).build()) {
      vod.deleteProcessImageAsyncTemplate(DeleteProcessImageAsyncTemplateRequest.builder().definition(7L).build());
    }
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size(), "the service refused the first before acting");
  }

  @Test
  void asynchronousCallsAreRetriedTheSameWay() {
    RotatingProvider provider = new RotatingProvider();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(provider).build()) {
      Long total = assertTimeoutPreemptively(WATCHDOG,
          () -> vod.describeProcessImageAsyncTemplatesAsync(DESCRIBE).get().totalCount());
      assertEquals(4L, total);
    }
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size());
    assertEquals(1, provider.discards);
  }

  @Test
  void aSecondRefusalIsNotRetriedAgain() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(TOKEN_FAILURE)));
    RotatingProvider provider = new RotatingProvider();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(provider).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class,
          () -> vod.describeProcessImageAsyncTemplates(DESCRIBE));
      assertEquals("AuthFailure.TokenFailure", e.errorCode());
      assertEquals(2, e.attempts());
    }
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size());
    assertEquals(1, provider.discards);
  }

  @Test
  void aProviderWithNoOtherCredentialsIsNotRetried() {
    Credentials fixed = Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "old-token");
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(CredentialsProvider.of(fixed))
        .build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class,
          () -> vod.describeProcessImageAsyncTemplates(DESCRIBE));
      assertEquals(1, e.attempts());
    }
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aProviderThatFailsToDiscardLeavesTheServicesAnswer() {
    IllegalStateException bug = new IllegalStateException("provider bug");
    Credentials fixed = Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "old-token");
    CredentialsProvider failing = new CredentialsProvider() {
      @Override
      public Credentials resolveCredentials() {
        return fixed;
      }

      @Override
      public boolean discard(Credentials rejected) {
        throw bug;
      }
    };
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(failing).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class,
          () -> vod.describeProcessImageAsyncTemplates(DESCRIBE));
      assertEquals(1, e.attempts());
      assertSame(bug, e.getSuppressed()[0]);
    }
  }

  @Test
  void credentialsWithoutATokenAreNeverDiscarded() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(TOKEN_FAILURE)));
    RotatingProvider provider = new RotatingProvider();
    provider.current = Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY);
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentialsProvider(provider).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class,
          () -> vod.describeProcessImageAsyncTemplates(DESCRIBE));
      assertEquals(1, e.attempts());
    }
    assertEquals(0, provider.discards);
    assertNull(provider.lastDiscarded);
    assertTrue(server.findAll(anyRequestedFor(anyUrl())).size() == 1);
  }
}
