package io.github.tcvod.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.TestWaiters;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodClientWaiters;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.spi.waiter.VirtualTime;
import io.github.tcvod.spi.waiter.WaiterEngine;
import io.github.tcvod.model.DescribeTaskDetailRequest;
import io.github.tcvod.model.DescribeTaskDetailResponse;
import io.github.tcvod.model.ProcessImageAsyncTaskInput;
import io.github.tcvod.model.ProcessImageAsyncOutputConfig;
import io.github.tcvod.model.ProcessImageAsync;
import io.github.tcvod.model.ProcessImageAsyncRequest;
import io.github.tcvod.waiter.WaiterFailureException;
import io.github.tcvod.waiter.WaiterOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's image tasks: states on a test-controlled clock, output, failure, expiry; the waiter against them. */
class ImageTasksTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(20);

  private VodEmulator emulator;
  private VodClient vod;
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() {
    emulator = VodEmulator.start();
    emulator.tasks().clock(time.clock()).schedule(Duration.ofSeconds(2), Duration.ofSeconds(5));
    vod = VodClient.builder().endpoint(emulator.endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build();
  }

  @AfterEach
  void stop() {
    vod.close();
    emulator.close();
  }

  private String process(String url) {
    return vod.processImageAsync(ProcessImageAsyncRequest.builder().subAppId(221073L).url(url)
        .imageTaskInput(ProcessImageAsyncTaskInput.builder().definition(30L).build())
        .outputConfig(ProcessImageAsyncOutputConfig.builder().mediaName("cat-enhanced").build()).build()).taskId();
  }

  private DescribeTaskDetailResponse describe(String taskId) {
    return vod.describeTaskDetail(DescribeTaskDetailRequest.builder().taskId(taskId).build());
  }

  @Test
  void aTaskWaitsThenProcessesWithRisingProgressThenFinishesWithAFileOnTheEmulator() {
    String taskId = process("https://example.com/cat.png");
    DescribeTaskDetailResponse waiting = describe(taskId);
    assertEquals(DescribeTaskDetailResponse.Status.WAITING, waiting.status());
    assertEquals("ProcessImageAsync", waiting.taskType());
    assertEquals(0L, waiting.processImageAsyncTask().progress());
    assertEquals("https://example.com/cat.png", waiting.processImageAsyncTask().input().url());
    assertEquals(30L, waiting.processImageAsyncTask().input().imageTaskInput().definition());
    assertNull(waiting.processImageAsyncTask().output());

    time.advance(Duration.ofSeconds(3));
    ProcessImageAsync early = describe(taskId).processImageAsyncTask();
    assertEquals(ProcessImageAsync.Status.PROCESSING, early.status());
    time.advance(Duration.ofSeconds(2));
    ProcessImageAsync later = describe(taskId).processImageAsyncTask();
    assertTrue(early.progress() > 0 && later.progress() > early.progress() && later.progress() < 100,
        "progress " + early.progress() + " then " + later.progress());

    time.advance(Duration.ofSeconds(2));
    DescribeTaskDetailResponse done = describe(taskId);
    assertEquals(DescribeTaskDetailResponse.Status.FINISH, done.status());
    assertEquals(100L, done.processImageAsyncTask().progress());
    assertEquals(0L, done.processImageAsyncTask().errCode());
    assertEquals("2026-11-24T07:00:02Z", done.beginProcessTime());
    assertEquals("2026-11-24T07:00:07Z", done.finishTime());
    String fileUrl = done.processImageAsyncTask().output().fileInfo().fileUrl();
    assertTrue(fileUrl.startsWith(emulator.endpoint() + "/"), fileUrl);
    assertTrue(fileUrl.endsWith(".png"), fileUrl);
    assertEquals("cat-enhanced", done.processImageAsyncTask().output().fileInfo().mediaName());
  }

  @Test
  void theWaiterOnTheSameVirtualClockPollsFourTimesAndReturnsTheFinishedTask() {
    String taskId = process("https://example.com/cat.jpg");
    VodClientWaiters waiters = TestWaiters.of(vod, new WaiterEngine(time, () -> 0.0));
    DescribeTaskDetailResponse done = assertTimeoutPreemptively(WATCHDOG, () -> waiters.waitForProcessImageAsync(taskId));
    assertEquals(DescribeTaskDetailResponse.Status.FINISH, done.status());
    // polls at 0, 1, 3 and 7 s: the task finishes at 7 s (2 s waiting, 5 s processing).
    assertEquals(3, time.delays().size());
    assertEquals(Duration.ofSeconds(7), time.elapsed());
  }

  @Test
  void aConfiguredFailureEndsTheTaskWithItsCodeAndMessage() {
    emulator.tasks().failNext(70000, "Source image could not be downloaded.");
    String taskId = process("https://example.com/missing.png");
    VodClientWaiters waiters = TestWaiters.of(vod, new WaiterEngine(time, () -> 0.0));
    WaiterFailureException e = assertThrows(WaiterFailureException.class, () -> waiters.waitForProcessImageAsync(taskId));
    assertEquals(taskId, e.taskId());
    assertEquals("70000", e.errorCode());
    assertEquals("Source image could not be downloaded.", e.errorMessage());
    assertNull(e.lastState(DescribeTaskDetailResponse.class).processImageAsyncTask().output());
    String next = process("https://example.com/next.png");
    time.advance(Duration.ofSeconds(7));
    assertEquals(0L, describe(next).processImageAsyncTask().errCode(), "only the next task fails");
  }

  @Test
  void unknownIdsAndTasksOlderThanThreeDaysAreResourceNotFound() {
    ResourceNotFoundException unknown = assertThrows(ResourceNotFoundException.class, () -> describe("1500000-ProcessImageAsync-nope"));
    assertEquals("ResourceNotFound", unknown.errorCode());
    String taskId = process("https://example.com/cat.png");
    time.advance(Duration.ofDays(3).minusSeconds(1));
    assertEquals(DescribeTaskDetailResponse.Status.FINISH, describe(taskId).status());
    time.advance(Duration.ofSeconds(1));
    assertThrows(ResourceNotFoundException.class, () -> describe(taskId));
  }

  @Test
  void theClientsOwnWaiterWorksOnRealTimeWithShortDelays() {
    emulator.tasks().clock(java.time.Clock.systemUTC()).schedule(Duration.ofMillis(30), Duration.ofMillis(60));
    String taskId = process("https://example.com/cat.png");
    WaiterOptions quick = WaiterOptions.defaults().withFirstDelay(Duration.ofMillis(20)).withMaxDelay(Duration.ofMillis(40))
        .withMaxWait(Duration.ofSeconds(10));
    DescribeTaskDetailResponse done = assertTimeoutPreemptively(WATCHDOG, () -> vod.waiters().waitForProcessImageAsync(taskId, quick));
    assertEquals(DescribeTaskDetailResponse.Status.FINISH, done.status());
    DescribeTaskDetailResponse again = assertTimeoutPreemptively(WATCHDOG,
        () -> vod.waiters().waitForProcessImageAsyncAsync(taskId, quick).get());
    assertEquals(taskId, again.processImageAsyncTask().taskId());
  }
}
