package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.CallOptions;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.DeadlineExceededException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  @Test
  void completesWithTheResponseOnTheDispatcher() throws Exception {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(RetryTest.OK)));
    // The dispatcher's threads start only once the callback is attached, so the future cannot
    // complete on the caller's thread before thenApply sees it (which would hide where it completes).
    CountDownLatch attached = new CountDownLatch(1);
    ExecutorService dispatcherThreads = Executors.newCachedThreadPool(task -> new Thread(() -> {
      try {
        attached.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      task.run();
    }, "OkHttp test dispatcher"));
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(new Dispatcher(dispatcherThreads)).build();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).httpClient(http).build()) {
      CompletableFuture<String> thread = vod.describeProcessImageAsyncTemplatesAsync(REQUEST)
          .thenApply(response -> Thread.currentThread().getName() + ":" + response.totalCount());
      attached.countDown();
      String result = thread.get(10, TimeUnit.SECONDS);
      assertTrue(result.startsWith("OkHttp") && result.endsWith(":4"), result);
    } finally {
      dispatcherThreads.shutdownNow();
    }
  }

  @Test
  void completesExceptionallyWithTheTypedException() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(
        "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.TemplateNotExist\",\"Message\":\"m\"},\"RequestId\":\"rid-404\"}}")));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS));
      assertSame(ResourceNotFoundException.class, e.getCause().getClass());
      assertEquals("rid-404", ((ResourceNotFoundException) e.getCause()).requestId());
    }
  }

  @Test
  void retriesAsynchronously() throws Exception {
    RetryTest.failThenSucceedOn(server, 2, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryTest.FAST).build()) {
      assertEquals(4L, vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS).totalCount());
    }
    assertEquals(3, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void asyncFailureAfterRetriesCarriesTheAttempts() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryTest.FAST).build()) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS));
      assertSame(TransportException.class, e.getCause().getClass());
      assertEquals(3, ((TransportException) e.getCause()).attempts());
    }
    assertEquals(3, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFixedDelay(5_000).withBody(RetryTest.OK)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      OkHttpClient http = VodTestServer.httpClientOf(vod);
      CompletableFuture<DescribeProcessImageAsyncTemplatesResponse> future = vod.describeProcessImageAsyncTemplatesAsync(REQUEST);
      for (int i = 0; i < 100 && http.dispatcher().runningCallsCount() == 0; i++) {
        Thread.sleep(10);
      }
      assertEquals(1, http.dispatcher().runningCallsCount());
      assertTrue(future.cancel(true));
      for (int i = 0; i < 200 && http.dispatcher().runningCallsCount() > 0; i++) {
        Thread.sleep(10);
      }
      assertEquals(0, http.dispatcher().runningCallsCount(), "the HTTP call was cancelled, not left to run");
      assertTrue(future.isCancelled());
    }
  }

  @Test
  void asyncDeadline() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFixedDelay(3_000).withBody(RetryTest.OK)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST,
          CallOptions.timeout(Duration.ofMillis(300))).get(10, TimeUnit.SECONDS));
      assertSame(DeadlineExceededException.class, e.getCause().getClass());
    }
  }

  @Test
  void invalidInputFailsTheFutureWithoutSending() {
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      CompletableFuture<DescribeProcessImageAsyncTemplatesResponse> future = vod.describeProcessImageAsyncTemplatesAsync(null);
      assertTrue(future.isCompletedExceptionally());
      assertFalse(future.isCancelled());
    }
    assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size());
  }
}
