package io.github.tcvod.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VodEmulatorTest {
  @RegisterExtension
  static VodEmulatorExtension vod = new VodEmulatorExtension();

  private VodClient.Builder client() {
    return VodClient.builder().endpoint(vod.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY));
  }

  private DescribeProcessImageAsyncTemplatesResponse describe(DescribeProcessImageAsyncTemplatesRequest request) {
    try (VodClient client = client().build()) {
      return client.describeProcessImageAsyncTemplates(request);
    }
  }

  private static List<Long> ids(DescribeProcessImageAsyncTemplatesResponse response) {
    return response.processImageAsyncTemplateSet().stream().map(ProcessImageAsyncTemplateItem::definition).collect(Collectors.toList());
  }

  @Test
  void listsEveryTemplateOrderedByDefinition() {
    DescribeProcessImageAsyncTemplatesResponse all = describe(DescribeProcessImageAsyncTemplatesRequest.builder().build());
    assertEquals(4L, all.totalCount());
    assertEquals(java.util.Arrays.asList(7L, 10L, 20L, 30L), ids(all));
  }

  @Test
  void filtersByDefinitionsAndLeavesUnknownIdsOut() {
    DescribeProcessImageAsyncTemplatesResponse page = describe(
        DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L, 30L, 999L).build());
    assertEquals(2L, page.totalCount());
    assertEquals(java.util.Arrays.asList(7L, 30L), ids(page));
    assertEquals("test3", page.processImageAsyncTemplateSet().get(0).name());
  }

  @Test
  void pagesWithOffsetAndLimitAndCountsEverything() {
    DescribeProcessImageAsyncTemplatesResponse second = describe(
        DescribeProcessImageAsyncTemplatesRequest.builder().offset(1L).limit(2L).build());
    assertEquals(4L, second.totalCount());
    assertEquals(java.util.Arrays.asList(10L, 20L), ids(second));
    DescribeProcessImageAsyncTemplatesResponse past = describe(
        DescribeProcessImageAsyncTemplatesRequest.builder().offset(10L).build());
    assertEquals(4L, past.totalCount());
    assertTrue(past.processImageAsyncTemplateSet().isEmpty());
  }

  @Test
  void everyAnswerHasAFreshRequestId() {
    DescribeProcessImageAsyncTemplatesRequest request = DescribeProcessImageAsyncTemplatesRequest.builder().build();
    assertNotEquals(describe(request).requestId(), describe(request).requestId());
  }

  @Test
  void staleTimestampIsRefusedWithTheServersDate() throws IOException {
    String answer = rawCall("{}", -301);
    assertTrue(answer.contains("\"Code\":\"AuthFailure.SignatureExpire\""), answer);
    assertTrue(rawCall("{}", -290).contains("\"TotalCount\":4"));
  }

  @Test
  void documentedLimitsAreEnforcedWithTheDocumentedCodes() throws IOException {
    assertTrue(rawCall("{\"Limit\":101}").contains("\"Code\":\"InvalidParameterValue\""));
    assertTrue(rawCall("{\"Offset\":-1}").contains("\"Code\":\"InvalidParameterValue\""));
    assertTrue(rawCall("{\"Limit\":\"ten\"}").contains("\"Code\":\"InvalidParameter\""));
    StringBuilder many = new StringBuilder("{\"Definitions\":[1");
    for (int i = 2; i <= 101; i++) {
      many.append(',').append(i);
    }
    assertTrue(rawCall(many.append("]}").toString()).contains("\"Code\":\"InvalidParameterValue\""));
    assertTrue(rawCall("{\"Limitt\":1}").contains("\"Code\":\"UnknownParameter\""));
    assertTrue(rawCall("{\"Limit\":100}").contains("\"TotalCount\":4"));
  }

  @Test
  void wrongKeyStaleTimestampAndWrongServiceAreRefused() {
    DescribeProcessImageAsyncTemplatesRequest request = DescribeProcessImageAsyncTemplatesRequest.builder().build();
    try (VodClient wrongKey = client().credentials(Credentials.of(VodEmulator.SECRET_ID, "not-the-key")).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class, () -> wrongKey.describeProcessImageAsyncTemplates(request));
      assertEquals("AuthFailure.SignatureFailure", e.errorCode());
    }
    try (VodClient stale = client().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6))).build()) {
      assertEquals(4L, stale.describeProcessImageAsyncTemplates(request).totalCount(),
          "the emulator's Date lets the client correct its clock");
    }
    Tc3Signer signer = Tc3Signer.create();
    Tc3Signer wrongService = (credentials, service, timestamp, host, contentType, payload) ->
        signer.authorization(credentials, "cvm", timestamp, host, contentType, payload);
    try (VodClient cvm = client().signer(wrongService).build()) {
      AuthFailureException e = assertThrows(AuthFailureException.class, () -> cvm.describeProcessImageAsyncTemplates(request));
      assertEquals("AuthFailure.SignatureFailure", e.errorCode());
    }
  }

  /** Sends a body the SDK's validation would refuse, signed by the SDK's signer. */
  private String rawCall(String json) throws IOException {
    return rawCall(json, 0);
  }

  private String rawCall(String json, long skewSeconds) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpUrl url = HttpUrl.get(vod.emulator().endpoint());
    String host = url.host() + ":" + url.port();
    long now = System.currentTimeMillis() / 1000 + skewSeconds;
    String contentType = "application/json";
    String authorization = Tc3Signer.create().authorization(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY),
        "vod", now, host, contentType, body);
    OkHttpClient http = new OkHttpClient();
    try (Response response = http.newCall(new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get(contentType)))
        .header("Authorization", authorization).header("X-TC-Timestamp", Long.toString(now))
        .header("X-TC-Action", "DescribeProcessImageAsyncTemplates").header("X-TC-Version", "2018-07-17")
        .build()).execute()) {
      return response.body().string();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
