package io.github.tcvod.example;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's observability examples, run against the real Micrometer and OpenTelemetry SDKs. */
class CallListenerExamplesTest {
  private static final String OK = "{\"Response\":{\"TotalCount\":0,\"ProcessImageAsyncTemplateSet\":[],\"RequestId\":\"r\"}}";
  private static final String NOT_FOUND = "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.TemplateNotExist\","
      + "\"Message\":\"m\"},\"RequestId\":\"r\"}}";
  private static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();

  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  /** First answer 503 (retried), then success; then a service error. */
  private static void stubRetryThenOkThenError() {
    server.stubFor(post(urlEqualTo("/")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("ok"));
    server.stubFor(post(urlEqualTo("/")).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody(OK)).willSetStateTo("error"));
    server.stubFor(post(urlEqualTo("/")).inScenario("s").whenScenarioStateIs("error")
        .willReturn(aResponse().withBody(NOT_FOUND)));
  }

  @Test
  void micrometerTimesEachActionByOutcomeAndCountsRetries() {
    stubRetryThenOkThenError();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.defaults())
        .listener(new MicrometerCallListener(registry)).build()) {
      vod.describeProcessImageAsyncTemplates(REQUEST);
      assertThrows(ResourceNotFoundException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
    }
    Timer success = registry.get("tcvod.calls").tag("action", "DescribeProcessImageAsyncTemplates").tag("outcome", "success").timer();
    Timer notFound = registry.get("tcvod.calls").tag("outcome", "ResourceNotFound.TemplateNotExist").timer();
    assertEquals(1, success.count());
    assertEquals(1, notFound.count());
    assertTrue(success.totalTime(TimeUnit.NANOSECONDS) > 0);
    assertEquals(1.0, registry.get("tcvod.retries").tag("reason", "ClientError.HttpStatus").counter().count());
  }

  @Test
  void openTelemetryHasASpanPerCallWithAChildPerAttempt() {
    stubRetryThenOkThenError();
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    List<SpanData> spans;
    try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
         VodClient vod = VodTestServer.clientOf(server.getPort()).retryPolicy(RetryPolicy.defaults())
             .listener(new TracingCallListener(otel.getTracer("tcvod-example"))).build()) {
      vod.describeProcessImageAsyncTemplatesAsync(REQUEST).join();
      // The call's span ends as its future completes, on the HTTP thread: wait for it, within bounds.
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        while (exporter.getFinishedSpanItems().size() < 3) {
          Thread.sleep(5);
        }
      });
      assertThrows(ResourceNotFoundException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      spans = exporter.getFinishedSpanItems();
    }
    List<String> names = new ArrayList<>();
    spans.forEach(span -> names.add(span.getName()));
    assertEquals(List.of(
        "vod.DescribeProcessImageAsyncTemplates attempt 1",
        "vod.DescribeProcessImageAsyncTemplates attempt 2",
        "vod.DescribeProcessImageAsyncTemplates",
        "vod.DescribeProcessImageAsyncTemplates attempt 1",
        "vod.DescribeProcessImageAsyncTemplates"), names);
    SpanData firstCall = spans.get(2);
    assertEquals(firstCall.getSpanId(), spans.get(0).getParentSpanId());
    assertEquals(firstCall.getSpanId(), spans.get(1).getParentSpanId());
    assertEquals(503L, spans.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals(StatusCode.ERROR, spans.get(0).getStatus().getStatusCode());
    assertEquals(1, firstCall.getEvents().size(), "the retry: " + firstCall.getEvents());
    assertEquals(StatusCode.UNSET, firstCall.getStatus().getStatusCode());
    assertEquals("ResourceNotFound.TemplateNotExist", spans.get(4).getAttributes().get(AttributeKey.stringKey("tcvod.error_code")));
  }

  @Test
  void theRequestLogGoesToJavaUtilLogging() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(OK)));
    Logger jul = Logger.getLogger("io.github.tcvod.example.wire");
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    jul.addHandler(capture);
    jul.setLevel(Level.FINE);
    try (VodClient vod = VodTestServer.clientOf(server.getPort())
        // README: route the SDK's lines to java.util.logging (SLF4J: LoggerFactory.getLogger(...)::debug).
        .requestLogger(line -> jul.fine(line))
        .build()) {
      vod.describeProcessImageAsyncTemplates(REQUEST);
    } finally {
      jul.removeHandler(capture);
    }
    assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.FINE && r.getMessage().startsWith("--> POST http://127.0.0.1:")),
        records.toString());
    assertTrue(records.stream().anyMatch(r -> r.getMessage().startsWith("<-- 200 ")));
  }
}
