package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.exception.MalformedResponseException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.VodServiceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Any action by name: {@code call(action, json)} goes the typed methods' way through the core. */
class RawCallTest {
  private static final String TRANSCODE_TEMPLATES = "{\"Response\":{\"TotalCount\":1,\"TranscodeTemplateSet\":"
      + "[{\"Definition\":100010,\"Name\":\"MP4-360P\",\"Bitrate\":18446744073709551615}],\"RequestId\":\"raw-1\"}}";

  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMockCheckingSignatures();

  @RegisterExtension
  static VodEmulatorExtension emulator = new VodEmulatorExtension();

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static List<LoggedRequest> requests() {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  @Test
  void anActionTheSpecDoesNotHoldIsSignedSentAndAnsweredAsJson() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(TRANSCODE_TEMPLATES)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).region("ap-guangzhou").build()) {
      JsonObject response = vod.call("DescribeTranscodeTemplates", json("{\"Definitions\":[100010],\"Limit\":10}"));
      assertEquals(json(TRANSCODE_TEMPLATES).getAsJsonObject("Response"), response, "the Response object as sent");
      assertEquals("18446744073709551615", response.getAsJsonArray("TranscodeTemplateSet").get(0).getAsJsonObject()
          .get("Bitrate").getAsBigInteger().toString(), "numbers keep every digit");
    }
    LoggedRequest sent = requests().get(0);
    assertEquals("DescribeTranscodeTemplates", sent.getHeader("X-TC-Action"));
    assertEquals("2018-07-17", sent.getHeader("X-TC-Version"), "the client's API version, from the spec's info");
    assertEquals("ap-guangzhou", sent.getHeader("X-TC-Region"));
    assertTrue(sent.getHeader("Authorization").contains("/vod/tc3_request"), "signed for the client's service");
    assertEquals(json("{\"Definitions\":[100010],\"Limit\":10}"), JsonParser.parseString(sent.getBodyAsString()));
  }

  @Test
  void theTextOverloadTakesAndReturnsJsonText() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(TRANSCODE_TEMPLATES)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      String response = vod.call("DescribeTranscodeTemplates", "{\"Limit\": 10}");
      assertEquals(json(TRANSCODE_TEMPLATES).get("Response"), JsonParser.parseString(response));
    }
    assertEquals("{\"Limit\":10}", requests().get(0).getBodyAsString());
  }

  @Test
  void serviceErrorsMapToTheSameExceptionsAsTypedCalls() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody("{\"Response\":{\"Error\":{\"Code\":"
        + "\"ResourceNotFound.TemplateNotExist\",\"Message\":\"no such template\"},\"RequestId\":\"raw-2\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
          () -> vod.call("DeleteTranscodeTemplate", json("{\"Definition\":1}")));
      assertEquals("raw-2", e.requestId());
      assertEquals("DeleteTranscodeTemplate", e.action());
    }
  }

  @Test
  void aBodyWithoutAResponseObjectIsMalformed() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody("{\"Response\":[]}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      assertThrows(MalformedResponseException.class, () -> vod.call("DescribeTranscodeTemplates", new JsonObject()));
    }
  }

  @Test
  void anUnknownActionIsNotRetriedUnlessDeclaredIdempotent() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build()) {
      HttpStatusException once = assertThrows(HttpStatusException.class, () -> vod.call("DescribeTranscodeTemplates", new JsonObject()));
      assertEquals(1, once.attempts());
      assertEquals(1, requests().size());
      server.resetRequests();
      HttpStatusException thrice = assertThrows(HttpStatusException.class, () -> vod.call("DescribeTranscodeTemplates",
          new JsonObject(), CallOptions.none().withIdempotent(true)));
      assertEquals(3, thrice.attempts());
      assertEquals(3, requests().size());
    }
  }

  @Test
  void anActionOfTheSpecKeepsWhatTheSpecSaysOfIt() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
      assertThrows(HttpStatusException.class, () -> vod.call("DescribeProcessImageAsyncTemplates", new JsonObject()));
      assertEquals(2, requests().size(), "idempotent in the spec, so retried without being told");
      server.resetRequests();
      assertThrows(HttpStatusException.class, () -> vod.call("CreateProcessImageAsyncTemplate", new JsonObject()));
      assertEquals(1, requests().size(), "not idempotent in the spec");
    }
  }

  @Test
  void theDeadlineOfTheOptionsApplies() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFixedDelay(3_000).withBody(TRANSCODE_TEMPLATES)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      long start = System.nanoTime();
      assertThrows(DeadlineExceededException.class, () -> vod.call("DescribeTranscodeTemplates", new JsonObject(),
          CallOptions.timeout(Duration.ofMillis(300))));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= 250 && millis < 2_500, millis + " ms");
    }
  }

  @Test
  void badNamesAndBadJsonAreRefusedBeforeAnythingIsSent() {
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
          () -> vod.call("Describe\r\nX-Evil: 1", new JsonObject()));
      assertTrue(name.getMessage().startsWith("action must be an API 3.0 action name"), name.getMessage());
      assertFalse(name.getMessage().contains("Evil"), "the bad name is not quoted back");
      assertThrows(IllegalArgumentException.class, () -> vod.call(null, new JsonObject()));
      assertThrows(IllegalArgumentException.class, () -> vod.call("", new JsonObject()));
      IllegalArgumentException nullRequest = assertThrows(IllegalArgumentException.class,
          () -> vod.call("DescribeTranscodeTemplates", (JsonObject) null));
      assertEquals("DescribeTranscodeTemplates: request must not be null", nullRequest.getMessage());
      IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
          () -> vod.call("DescribeTranscodeTemplates", "{\"SecretKey\": oops}"));
      assertFalse(notJson.getMessage().contains("oops"), notJson.getMessage());
      assertThrows(IllegalArgumentException.class, () -> vod.call("DescribeTranscodeTemplates", "[1]"));
      assertThrows(IllegalArgumentException.class, () -> vod.call("DescribeTranscodeTemplates", "{} {}"));
      assertThrows(IllegalArgumentException.class, () -> vod.call("DescribeTranscodeTemplates", (String) null));
    }
    assertEquals(0, requests().size());
  }

  @Test
  void theAsyncVariantCompletesWithTheSameResults() throws Exception {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(TRANSCODE_TEMPLATES)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      CompletableFuture<JsonObject> future = vod.callAsync("DescribeTranscodeTemplates", new JsonObject());
      assertEquals("raw-1", future.get(10, TimeUnit.SECONDS).get("RequestId").getAsString());
      ExecutionException bad = assertThrows(ExecutionException.class,
          () -> vod.callAsync("Bad Name", new JsonObject()).get(10, TimeUnit.SECONDS));
      assertTrue(bad.getCause() instanceof IllegalArgumentException, String.valueOf(bad.getCause()));
    }
  }

  @Test
  void theEmulatorAnswersInvalidActionForAnUnknownName() {
    try (VodClient vod = VodClient.builder().endpoint(emulator.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build()) {
      JsonObject known = vod.call("DescribeProcessImageAsyncTemplates", new JsonObject());
      assertEquals(4, known.get("TotalCount").getAsInt(), "a known action answers as it does typed");
      VodServiceException e = assertThrows(VodServiceException.class, () -> vod.call("DescribeNoSuchThing", new JsonObject()));
      assertEquals("InvalidAction", e.errorCode());
      assertFalse(e.isRetryable());
    }
  }

  @Test
  void aHandWrittenStubOverridesOneMethodForEveryOverload() throws Exception {
    VodClient stub = new VodClient() {
      @Override
      public JsonObject call(String action, JsonObject request, CallOptions options) {
        JsonObject answer = new JsonObject();
        answer.addProperty("Echo", action + ":" + request.get("Limit"));
        return answer;
      }
    };
    assertEquals("{\"Echo\":\"DescribeX:5\"}", stub.call("DescribeX", "{\"Limit\":5}"));
    assertEquals("DescribeX:5", stub.call("DescribeX", json("{\"Limit\":5}")).get("Echo").getAsString());
    UnsupportedOperationException async = assertThrows(UnsupportedOperationException.class,
        () -> stub.callAsync("DescribeX", new JsonObject()));
    assertTrue(async.getMessage().startsWith("VodClient.callAsync is not implemented by"), async.getMessage());
  }

  @Test
  void aRequestTreeTheTextFormWouldRefuseIsRefusedBeforeAnythingIsSent() {
    // Serializing these threw StackOverflowError out of call() (and out of callAsync() instead of
    // failing its future), and NaN went out as the invalid JSON text NaN.
    JsonObject deep = new JsonObject();
    JsonObject inner = deep;
    for (int i = 0; i < 100_000; i++) {
      JsonObject next = new JsonObject();
      inner.add("A", next);
      inner = next;
    }
    JsonObject cycle = new JsonObject();
    JsonArray members = new JsonArray();
    members.add(cycle);
    cycle.add("Self", members);
    JsonObject notANumber = new JsonObject();
    notANumber.addProperty("Ratio", Double.NaN);
    JsonObject infinite = new JsonObject();
    infinite.add("Sizes", new JsonArray());
    infinite.getAsJsonArray("Sizes").add(Double.POSITIVE_INFINITY);
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      for (JsonObject request : new JsonObject[] {deep, cycle, notANumber, infinite}) {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
            () -> assertThrows(IllegalArgumentException.class, () -> vod.call("DescribeTranscodeTemplates", request)));
        assertTrue(e.getMessage().startsWith("DescribeTranscodeTemplates: request "), e.getMessage());
        CompletableFuture<JsonObject> later = assertTimeoutPreemptively(Duration.ofSeconds(20),
            () -> vod.callAsync("DescribeTranscodeTemplates", request));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> later.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IllegalArgumentException, String.valueOf(failed.getCause()));
      }
      assertTrue(deepMessage(vod, deep).contains("255"), "names the limit");
      assertTrue(deepMessage(vod, notANumber).contains("Ratio"), "names the member");
    }
    assertTrue(requests().isEmpty(), "nothing was sent");
  }

  private static String deepMessage(VodClient vod, JsonObject request) {
    return assertThrows(IllegalArgumentException.class, () -> vod.call("DescribeTranscodeTemplates", request)).getMessage();
  }

  @Test
  void aRequestTreeAsDeepAsTheTextFormAllowsIsSent() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(TRANSCODE_TEMPLATES)));
    JsonObject deep = new JsonObject();
    JsonObject inner = deep;
    for (int i = 1; i < 255; i++) {
      JsonObject next = new JsonObject();
      inner.add("A", next);
      inner = next;
    }
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      vod.call("DescribeTranscodeTemplates", deep);
    }
    assertEquals(deep, JsonParser.parseString(requests().get(0).getBodyAsString()));
  }
}
