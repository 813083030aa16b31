package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.spi.waiter.VirtualTime;
import io.github.tcvod.spi.waiter.WaiterEngine;
import io.github.tcvod.model.DescribeTaskDetailRequest;
import io.github.tcvod.model.DescribeTaskDetailResponse;
import io.github.tcvod.model.ProcessImageAsyncResponse;
import io.github.tcvod.waiter.WaiterFailureException;
import io.github.tcvod.waiter.WaiterOptions;
import io.github.tcvod.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated {@code waitForProcessImageAsync} against scripted DescribeTaskDetail answers, on
 * virtual time: exact request counts, outcomes, throttling, timeout and cancellation.
 */
class ProcessImageAsyncWaiterTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMockCheckingSignatures();

  private static final Duration WATCHDOG = Duration.ofSeconds(20);
  private static final String TASK = "1500000-ProcessImageAsync-w1";

  static String task(String status, long errCode, String message) {
    String output = "FINISH".equals(status) && errCode == 0
        ? "{\"FileInfo\":{\"FileUrl\":\"https://out.example.com/" + TASK + ".png\"}}" : "null";
    return "{\"Response\":{\"TaskType\":\"ProcessImageAsync\",\"Status\":\"" + status + "\",\"ProcessImageAsyncTask\":{"
        + "\"TaskId\":\"" + TASK + "\",\"Status\":\"" + status + "\",\"ErrCode\":" + errCode + ",\"Message\":\"" + message
        + "\",\"Progress\":50,\"Output\":" + output + "},\"RequestId\":\"rid-" + status + "\"}}";
  }

  static final String THROTTLED =
      "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow down\"},\"RequestId\":\"rid-t\"}}";

  /** Answers DescribeTaskDetail with these bodies in turn, repeating the last. */
  static void script(String... bodies) {
    String state = STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "answer-" + (i + 1);
      server.stubFor(post(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("DescribeTaskDetail"))
          .inScenario("task").whenScenarioStateIs(state)
          .willReturn(aResponse().withBody(bodies[i])).willSetStateTo(next));
      state = next;
    }
  }

  static int polls() {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("DescribeTaskDetail"))).size();
  }

  static VodClientWaiters waiters(VodClient vod, VirtualTime time) {
    return new VodClientWaiters(vod, new WaiterEngine(time, () -> 0.0));
  }

  @Test
  void succeedsAfterFourPollsWithExactlyFourRequests() {
    script(task("WAITING", 0, ""), task("PROCESSING", 0, ""), task("PROCESSING", 0, ""), task("FINISH", 0, ""));
    VirtualTime time = new VirtualTime();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      DescribeTaskDetailResponse done = assertTimeoutPreemptively(WATCHDOG, () -> waiters(vod, time).waitForProcessImageAsync(TASK));
      assertEquals(DescribeTaskDetailResponse.Status.FINISH, done.status());
      assertEquals("https://out.example.com/" + TASK + ".png", done.processImageAsyncTask().output().fileInfo().fileUrl());
    }
    assertEquals(4, polls());
    server.verify(4, postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"TaskId\":\"" + TASK + "\"}")));
    assertEquals(Duration.ofSeconds(7), time.elapsed(), "delays of 1, 2 and 4 s from the spec");
  }

  @Test
  void waitsForTheTaskOfAProcessImageAsyncResponse() {
    script(task("FINISH", 0, ""));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      ProcessImageAsyncResponse started = ProcessImageAsyncResponse.builder().taskId(TASK).build();
      assertEquals(TASK, waiters(vod, new VirtualTime()).waitForProcessImageAsync(started).processImageAsyncTask().taskId());
    }
    assertEquals(1, polls());
  }

  @Test
  void aFailedTaskThrowsItsIdCodeAndMessage() {
    script(task("PROCESSING", 0, ""), task("FINISH", 70000, "Source image could not be downloaded."));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      WaiterFailureException e = assertThrows(WaiterFailureException.class,
          () -> waiters(vod, new VirtualTime()).waitForProcessImageAsync(TASK));
      assertEquals(TASK, e.taskId());
      assertEquals("70000", e.errorCode());
      assertEquals("Source image could not be downloaded.", e.errorMessage());
      assertEquals("DescribeTaskDetail", e.action());
      assertEquals("rid-FINISH", e.requestId());
      assertEquals(70000L, e.lastState(DescribeTaskDetailResponse.class).processImageAsyncTask().errCode());
    }
    assertEquals(2, polls());
  }

  @Test
  void throttlingInTheMiddleMeansPollAgain() {
    script(task("WAITING", 0, ""), THROTTLED, THROTTLED.replace("rid-t", "rid-u"), task("PROCESSING", 0, ""), task("FINISH", 0, ""));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      DescribeTaskDetailResponse done = assertTimeoutPreemptively(WATCHDOG,
          () -> waiters(vod, new VirtualTime()).waitForProcessImageAsync(TASK));
      assertEquals("FINISH", done.statusAsString());
    }
    assertEquals(5, polls());
  }

  @Test
  void aTaskStillRunningAtTheMaximumWaitTimesOutWithTheLastState() {
    script(task("WAITING", 0, ""), task("PROCESSING", 0, ""));
    VirtualTime time = new VirtualTime();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      WaiterTimeoutException e = assertTimeoutPreemptively(WATCHDOG, () -> assertThrows(WaiterTimeoutException.class,
          () -> waiters(vod, time).waitForProcessImageAsync(TASK, WaiterOptions.defaults().withMaxWait(Duration.ofSeconds(30)))));
      assertEquals("PROCESSING", e.lastStatus());
      assertEquals("PROCESSING", e.lastState(DescribeTaskDetailResponse.class).processImageAsyncTask().statusAsString());
      assertEquals(TASK, e.resourceId());
      // polls at 0, 1, 3, 7, 15 and 25 s (the cap is 10 s); the next would be at 35 s.
      assertEquals(6, e.polls());
    }
    assertEquals(6, polls());
    assertTrue(time.elapsed().compareTo(Duration.ofSeconds(30)) <= 0, "waited " + time.elapsed());
  }

  @Test
  void anUnknownTaskEndsTheWaitWithResourceNotFound() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(
        "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound\",\"Message\":\"no such task\"},\"RequestId\":\"rid-n\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      assertThrows(ResourceNotFoundException.class, () -> waiters(vod, new VirtualTime()).waitForProcessImageAsync(TASK));
    }
    assertEquals(1, polls());
  }

  @Test
  void aRequestWithoutTaskIdIsRefusedBeforeAnyPoll() {
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> vod.waiters().waitForProcessImageAsync((String) null));
      assertTrue(e.getMessage().contains("TaskId"), e.getMessage());
    }
    assertEquals(0, polls());
  }

  @Test
  void asyncWaitSucceedsWithTheSameRequests() throws Exception {
    script(task("WAITING", 0, ""), task("PROCESSING", 0, ""), task("FINISH", 0, ""));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      CompletableFuture<DescribeTaskDetailResponse> future = waiters(vod, new VirtualTime())
          .waitForProcessImageAsyncAsync(DescribeTaskDetailRequest.builder().taskId(TASK).subAppId(221073L).build(),
              WaiterOptions.defaults().withMaxWait(Duration.ofMinutes(1)));
      assertEquals("FINISH", future.get(20, TimeUnit.SECONDS).statusAsString());
    }
    assertEquals(3, polls());
    server.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"TaskId\":\"" + TASK + "\",\"SubAppId\":221073}")));
  }

  @Test
  void asyncFailureCompletesExceptionallyWithTheTypedException() {
    script(task("FINISH", 5, "bad"));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      CompletableFuture<DescribeTaskDetailResponse> future = waiters(vod, new VirtualTime()).waitForProcessImageAsyncAsync(TASK);
      ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
      assertInstanceOf(WaiterFailureException.class, e.getCause());
    }
  }

  @Test
  void cancellingTheAsyncWaitStopsPolling() throws Exception {
    script(task("WAITING", 0, ""));
    VirtualTime time = new VirtualTime().holdScheduledTasks();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      CompletableFuture<DescribeTaskDetailResponse> future = waiters(vod, time).waitForProcessImageAsyncAsync(TASK);
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (time.pendingScheduled() == 0) {
          Thread.sleep(5);   // the first poll's answer arrives on OkHttp's thread and schedules the second
        }
      });
      assertEquals(1, polls());
      future.cancel(true);
      // The answer's thread may still be between scheduling the poll and noting it: then it is
      // that thread which cancels it, a moment later (a poll never cancelled fails on the watchdog).
      assertTimeoutPreemptively(WATCHDOG, () -> {
        while (time.pendingScheduled() > 0) {
          Thread.sleep(5);
        }
      });
      assertEquals(0, time.runScheduled(), "the scheduled poll was cancelled");
      assertThrows(CancellationException.class, future::join);
    }
    assertEquals(1, polls());
  }
}
