package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.CallOptions;
import io.github.tcvod.ClientBuilder;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.exception.MalformedResponseException;
import io.github.tcvod.exception.ResponseTooLargeException;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.RetryBudget;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Settings are checked when built; retries, bodies and server text have bounds. */
class LimitsTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(30);

  @Test
  void absurdDurationsAreRejectedWhenBuilt() {
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> CallOptions.timeout(Duration.ofMillis(Long.MAX_VALUE)));
    assertTrue(timeout.getMessage().startsWith("timeout must be at most PT24H"), timeout.getMessage());
    IllegalArgumentException total = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().maxTotalTime(Duration.ofSeconds(Long.MAX_VALUE)));
    assertTrue(total.getMessage().startsWith("maxTotalTime must be at most"), total.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxDelay(Duration.ofDays(2)));
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().readTimeout(Duration.ofDays(365)));
    assertNotNull(CallOptions.timeout(Duration.ofHours(24)), "the limit itself is accepted");
  }

  @Test
  void badRegionAndUserInfoAreRefusedWithoutEchoingThem() {
    IllegalArgumentException region = assertThrows(IllegalArgumentException.class,
        () -> VodClient.builder().region("ap-guangzhou\r\nX-Evil: secret-value"));
    assertTrue(region.getMessage().startsWith("region must be"), region.getMessage());
    assertFalse(region.getMessage().contains("secret-value"));
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().region("ap-guangzhöu"));
    IllegalArgumentException endpoint = assertThrows(IllegalArgumentException.class,
        () -> VodClient.builder().endpoint("https://user:hunter2@vod.tencentcloudapi.com"));
    assertTrue(endpoint.getMessage().contains("user info"), endpoint.getMessage());
    assertFalse(endpoint.getMessage().contains("hunter2"));
    IllegalArgumentException language = assertThrows(IllegalArgumentException.class,
        () -> VodClient.builder().language("en-US\r\nX: secret-value"));
    assertFalse(language.getMessage().contains("secret-value"));
  }

  @Test
  void retryBudgetCapsAmplificationUnderSustainedFailure() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("503 Service Unavailable", "")));
         VodClient vod = VodTestServer.clientOf(server.port())
             .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build()).build()) {
      assertTimeoutPreemptively(WATCHDOG, () -> {
        for (int i = 0; i < 200; i++) {
          assertThrows(HttpStatusException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
        }
      });
      int retries = RetryBudget.CAPACITY / RetryBudget.RETRY_COST;
      assertEquals(200 + retries, server.requests(), "200 calls, and retries only while the budget lasted");
      assertTrue(server.requests() < 2 * 200);
      assertEquals(0, Hostile.invokerOf(vod).retryBudgetAvailable());
    }
  }

  @Test
  void successesRefillTheRetryBudget() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(n % 2 == 1
            ? RawServer.http("503 Service Unavailable", "") : RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port())
             .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build()).build()) {
      assertTimeoutPreemptively(WATCHDOG, () -> {
        for (int i = 0; i < 300; i++) {
          vod.describeProcessImageAsyncTemplates(REQUEST);
        }
      });
      assertEquals(RetryBudget.CAPACITY, Hostile.invokerOf(vod).retryBudgetAvailable(), "each success gave its retry back");
    }
  }

  @Test
  void oversizedBodyEndsTheCallAtTheLimit() throws Exception {
    StringBuilder big = new StringBuilder("{\"Response\":{\"RequestId\":\"");
    while (big.length() < 70_000) {
      big.append("abcdefghij");
    }
    String body = big.append("\"}}").toString();
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", body)));
         VodClient vod = VodTestServer.clientOf(server.port()).maxResponseBodySize(64 * 1024).build()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(e instanceof MalformedResponseException);
      assertEquals("ClientError.ResponseTooLarge", e.errorCode());
      assertTrue(e.getMessage().contains("65536 bytes"), e.getMessage());
      assertFalse(e.isRetryable());
    }
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().maxResponseBodySize(0));
  }

  @Test
  void serverMessageIsBoundedWithControlCharactersEscaped() throws Exception {
    StringBuilder message = new StringBuilder();
    while (message.length() < 1_000_000) {
      message.append("line\\r\\n\\u001b[2J");
    }
    String body = "{\"Response\":{\"Error\":{\"Code\":\"FailedOperation\",\"Message\":\"" + message + "\"},\"RequestId\":\"r\"}}";
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", body)));
         VodClient vod = VodTestServer.clientOf(server.port()).build()) {
      VodException e = assertThrows(VodException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(e.getMessage().length() < 1_000, "bounded: " + e.getMessage().length());
      assertTrue(e.errorMessage().startsWith("line\\u000d\\u000a\\u001b[2J"), e.errorMessage());
      assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), "no control character left");
    }
  }

  @Test
  void requestLoggerLogsAllowListedHeadersIntactAndEscaped() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (RawServer server = new RawServer((n, out) -> out.write(n == 1
            ? RawServer.http("200 OK", Hostile.OK, "Content-Type: application/json", "Set-Cookie: session=secret-cookie",
                "X-Evil: bad\u001b[31m")
            : "garbage\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
         VodClient vod = VodTestServer.clientOf(server.port()).region("ap-guangzhou").requestLogger(log::add).build()) {
      vod.describeProcessImageAsyncTemplates(REQUEST);
      assertThrows(TransportException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    assertTrue(log.stream().anyMatch(line -> line.startsWith("--> POST http://127.0.0.1:")), log.toString());
    assertTrue(log.contains("    X-TC-Action: DescribeProcessImageAsyncTemplates"), log.toString());
    assertTrue(log.contains("    X-TC-Region: ap-guangzhou"), log.toString());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("    Authorization: TC3-HMAC-SHA256 Credential=" + VodTestServer.SECRET_ID)),
        "non-secret parts of Authorization intact: " + log);
    assertTrue(log.stream().anyMatch(line -> line.startsWith("<-- 200 http://127.0.0.1:")), log.toString());
    assertTrue(log.contains("    Content-Type: application/json"), log.toString());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("<-- failed after ")), "the failure is logged: " + log);
    assertFalse(log.stream().anyMatch(line -> line.contains("secret-cookie") || line.contains("X-Evil")), log.toString());
    assertFalse(log.stream().anyMatch(line -> line.chars().anyMatch(Character::isISOControl)), log.toString());
  }

  @Test
  void listsHoldNoNullsAndTypeErrorsNameTheirPath() throws Exception {
    String withNull = "{\"Response\":{\"TotalCount\":2,\"ProcessImageAsyncTemplateSet\":[null,{\"Definition\":7,\"Name\":\"n\"}],\"RequestId\":\"r\"}}";
    String wrongType = "{\"Response\":{\"ProcessImageAsyncTemplateSet\":[{\"Definition\":\"seven\"}],\"RequestId\":\"r\"}}";
    String twoResponses = "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"}},\"Response\":{\"TotalCount\":1}}";
    String[] bodies = {withNull, wrongType, twoResponses};
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", bodies[n - 1])));
         VodClient vod = VodTestServer.clientOf(server.port()).build()) {
      DescribeProcessImageAsyncTemplatesResponse page = vod.describeProcessImageAsyncTemplates(REQUEST);
      List<String> names = new ArrayList<>();
      for (ProcessImageAsyncTemplateItem item : page.processImageAsyncTemplateSet()) {
        names.add(item.name());
      }
      assertEquals(List.of("n"), names);
      MalformedResponseException type = assertThrows(MalformedResponseException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(type.getMessage().contains("Response.ProcessImageAsyncTemplateSet[0].Definition"), type.getMessage());
      MalformedResponseException two = assertThrows(MalformedResponseException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertTrue(two.getMessage().contains("more than one Response"), two.getMessage());
    }
  }

  @Test
  void defaultReadTimeoutLetsAHungReadBeRetriedWithinTheDefaultWindow() {
    Duration window = RetryPolicy.defaults().maxTotalTime();
    assertTrue(ClientBuilder.DEFAULT_READ_TIMEOUT.plus(RetryPolicy.defaults().maxDelay()).compareTo(window) < 0,
        "a read that times out leaves time for a retry with the longest backoff");
  }
}
