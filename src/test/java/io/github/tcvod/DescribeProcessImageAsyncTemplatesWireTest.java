package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonParser;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.internal.SdkInfo;
import io.github.tcvod.internal.signer.DefaultTc3Signer;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes on the wire for the seed's request. */
class DescribeProcessImageAsyncTemplatesWireTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final DescribeProcessImageAsyncTemplatesRequest SEED_REQUEST =
      DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build();

  private LoggedRequest callAndCapture(VodClient.Builder builder) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withBody(VodTestServer.resource("seed/describe-response.json"))));
    try (VodClient vod = builder.build()) {
      vod.describeProcessImageAsyncTemplates(SEED_REQUEST);
    }
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/")));
    assertEquals(1, requests.size());
    return requests.get(0);
  }

  @Test
  void seedRequestSendsTheSeedBody() {
    LoggedRequest request = callAndCapture(VodTestServer.clientOf(server.getPort()));
    assertEquals(JsonParser.parseString(VodTestServer.resource("seed/describe-request.json")),
        JsonParser.parseString(request.getBodyAsString()));
    assertEquals("{\"SubAppId\":221073,\"Definitions\":[7]}", request.getBodyAsString());
  }

  @Test
  void seedRequestCarriesTheProtocolHeaders() {
    LoggedRequest request = callAndCapture(VodTestServer.clientOf(server.getPort()));
    assertEquals("POST", request.getMethod().getName());
    assertEquals("/", request.getUrl());
    assertEquals("DescribeProcessImageAsyncTemplates", request.getHeader("X-TC-Action"));
    assertEquals("2018-07-17", request.getHeader("X-TC-Version"));
    assertEquals(Long.toString(VodTestServer.NOW.getEpochSecond()), request.getHeader("X-TC-Timestamp"));
    // Jetty upper-cases the charset when it reports the header; RawWireTest checks the exact bytes.
    assertTrue("application/json; charset=utf-8".equalsIgnoreCase(request.getHeader("Content-Type")));
    assertEquals("127.0.0.1:" + server.getPort(), request.getHeader("Host"));
    assertEquals("tcvod-sdk-java/" + SdkInfo.VERSION, request.getHeader("X-TC-RequestClient"));
    assertFalse(SdkInfo.VERSION.contains("${"), "version is filtered from the POM");
    assertFalse(request.containsHeader("X-TC-Region"));
    assertFalse(request.containsHeader("X-TC-Token"));
    assertFalse(request.containsHeader("X-TC-Language"));
  }

  @Test
  void authorizationSignsTheBytesAndHeadersThatWereSent() {
    LoggedRequest request = callAndCapture(VodTestServer.clientOf(server.getPort()));
    String canonical = DefaultTc3Signer.canonicalRequest(request.getHeader("Host"), request.getHeader("Content-Type"),
        request.getBody());
    String scope = "2026-01-26/vod/tc3_request";
    String expectedSignature = DefaultTc3Signer.hex(DefaultTc3Signer.hmacSha256(
        DefaultTc3Signer.deriveSigningKey(VodTestServer.SECRET_KEY, "2026-01-26", "vod"),
        DefaultTc3Signer.stringToSign(VodTestServer.NOW.getEpochSecond(), scope, canonical)));
    assertEquals("TC3-HMAC-SHA256 Credential=" + VodTestServer.SECRET_ID + "/" + scope
        + ", SignedHeaders=content-type;host, Signature=" + expectedSignature, request.getHeader("Authorization"));
  }

  @Test
  void optionalHeadersAreSentWhenConfigured() {
    LoggedRequest request = callAndCapture(VodTestServer.clientOf(server.getPort())
        .credentials(Credentials.of(" tmpId ", " tmpKey\n", " session-token "))
        .region("ap-guangzhou")
        .language("en-US"));
    assertEquals("ap-guangzhou", request.getHeader("X-TC-Region"));
    assertEquals("en-US", request.getHeader("X-TC-Language"));
    assertEquals("session-token", request.getHeader("X-TC-Token"));
    assertTrue(request.getHeader("Authorization").startsWith("TC3-HMAC-SHA256 Credential=tmpId/2026-01-26/vod/tc3_request, "));
  }

  @Test
  void emptyRequestSendsAnEmptyObject() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("{\"Response\":{\"TotalCount\":0,\"RequestId\":\"r\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      assertEquals(0L, vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build())
          .totalCount());
    }
    assertEquals("{}", server.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
    assertNull(DescribeProcessImageAsyncTemplatesRequest.builder().build().limit());
  }
}
