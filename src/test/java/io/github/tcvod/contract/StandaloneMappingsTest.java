package io.github.tcvod.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.SignatureVerifyingFilter;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain WireMock mappings of {@code src/test/resources/wiremock}, loaded the way WireMock
 * standalone loads a root directory, with the signature filter its {@code --extensions} option adds.
 */
class StandaloneMappingsTest {
  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderClasspath("wiremock")
        .extensions(new SignatureVerifyingFilter()));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static VodClient client(String secretKey) {
    return VodClient.builder().endpoint("http://127.0.0.1:" + server.port())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, secretKey)).build();
  }

  @Test
  void seedRequestGetsTheSeedResponse() {
    try (VodClient vod = client(VodEmulator.SECRET_KEY)) {
      assertEquals("test3", vod.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build())
          .processImageAsyncTemplateSet().get(0).name());
      assertEquals(0L, vod.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().definitions(8L).build()).totalCount());
    }
  }

  @Test
  void errorMappingsAnswerWithTheirCodes() {
    try (VodClient vod = client(VodEmulator.SECRET_KEY)) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> vod.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().definitions(404404L).build()));
      assertEquals("ResourceNotFound.TemplateNotExist", e.errorCode());
      assertEquals("6b1f0c8e-0000-4000-8000-000000404404", e.requestId());
    }
  }

  @Test
  void limitMappingMatchesRequestsTheSdkWouldRefuse() throws Exception {
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    byte[] body = "{\"Limit\":101}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long now = System.currentTimeMillis() / 1000;
    String host = "127.0.0.1:" + server.port();
    String authorization = io.github.tcvod.auth.Tc3Signer.create().authorization(
        Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY), "vod", now, host, "application/json", body);
    try (okhttp3.Response response = http.newCall(new okhttp3.Request.Builder().url("http://" + host + "/")
        .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json")))
        .header("Authorization", authorization).header("X-TC-Timestamp", Long.toString(now))
        .header("X-TC-Action", "DescribeProcessImageAsyncTemplates").header("X-TC-Version", "2018-07-17").build()).execute()) {
      String text = response.body().string();
      assertEquals(true, text.contains("\"InvalidParameterValue\""), text);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void badSignatureIsRefusedByTheFilter() {
    try (VodClient vod = client("wrong-key")) {
      assertEquals("AuthFailure.SignatureFailure", assertThrows(AuthFailureException.class,
          () -> vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build())).errorCode());
    }
  }
}
