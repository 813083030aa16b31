package io.github.tcvod.example;

import io.github.tcvod.CallContext;
import io.github.tcvod.CallListener;
import io.github.tcvod.exception.VodException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;

/**
 * README example: an OpenTelemetry span per call with a child span per attempt, written against
 * {@link CallListener}. The spans live in the call's attributes between events, so one listener
 * serves any number of concurrent calls, sync or async.
 */
public final class TracingCallListener implements CallListener {
  private static final String CALL_SPAN = TracingCallListener.class.getName() + ".call";
  private static final String ATTEMPT_SPAN = TracingCallListener.class.getName() + ".attempt";
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("tcvod.error_code");

  private final Tracer tracer;

  /** @param tracer makes the spans */
  public TracingCallListener(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public void callStarted(CallContext call) {
    // Started on the caller's thread, so the span is a child of whatever span is current there.
    call.attribute(CALL_SPAN, tracer.spanBuilder("vod." + call.action()).setSpanKind(SpanKind.CLIENT)
        .setAttribute("rpc.system", "tencentcloud").setAttribute("rpc.service", call.service())
        .setAttribute("rpc.method", call.action()).startSpan());
  }

  @Override
  public void attemptStarted(CallContext call, int attempt) {
    Span parent = (Span) call.attribute(CALL_SPAN);
    call.attribute(ATTEMPT_SPAN, tracer.spanBuilder("vod." + call.action() + " attempt " + attempt)
        .setParent(Context.root().with(parent)).setAttribute("tcvod.attempt", attempt).startSpan());
  }

  @Override
  public void attemptEnded(CallContext call, int attempt, int httpStatus, String errorCode, Duration duration) {
    Span span = (Span) call.attribute(ATTEMPT_SPAN);
    span.setAttribute(STATUS, (long) httpStatus);
    if (errorCode != null) {
      span.setAttribute(ERROR_CODE, errorCode).setStatus(StatusCode.ERROR, errorCode);
    }
    span.end();
    call.attribute(ATTEMPT_SPAN, null);
  }

  @Override
  public void retryScheduled(CallContext call, int attempt, Duration delay, String reason) {
    ((Span) call.attribute(CALL_SPAN)).addEvent("retry scheduled in " + delay.toMillis() + " ms: " + reason);
  }

  @Override
  public void callEnded(CallContext call, Throwable failure, int attempts, Duration duration) {
    Span span = (Span) call.attribute(CALL_SPAN);
    span.setAttribute("tcvod.attempts", attempts);
    if (failure != null) {
      String code = failure instanceof VodException ? ((VodException) failure).errorCode() : failure.getClass().getSimpleName();
      span.setAttribute(ERROR_CODE, code).setStatus(StatusCode.ERROR, code);
    }
    span.end();
  }
}
