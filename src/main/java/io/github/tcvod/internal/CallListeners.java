package io.github.tcvod.internal;

import io.github.tcvod.CallListener;
import io.github.tcvod.InternalApi;
import io.github.tcvod.RequestLogger;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of one client, and the one place that shields calls from them: whatever a listener
 * throws is caught, and only its first failure is reported. A client without listeners has none of
 * this: its calls create no events at all.
 */
@InternalApi
public final class CallListeners {
  private static final Logger FALLBACK_LOG = Logger.getLogger("io.github.tcvod.CallListener");

  private final CallListener[] listeners;
  private final AtomicBoolean[] reported;
  private final RequestLogger reportTo;

  /**
   * @param listeners the listeners, in the order they are told of each event; not empty
   * @param reportTo where a listener's first failure is reported, or null for {@code java.util.logging}
   */
  public CallListeners(List<CallListener> listeners, RequestLogger reportTo) {
    this.listeners = listeners.toArray(new CallListener[0]);
    this.reported = new AtomicBoolean[this.listeners.length];
    for (int i = 0; i < reported.length; i++) {
      reported[i] = new AtomicBoolean();
    }
    this.reportTo = reportTo;
  }

  /**
   * @param event the event's name, for the report of a failure
   * @param delivery tells one listener of the event
   */
  void deliver(String event, Consumer<CallListener> delivery) {
    for (int i = 0; i < listeners.length; i++) {
      try {
        delivery.accept(listeners[i]);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        // A metrics or tracing bug must not fail the application's calls.
        if (reported[i].compareAndSet(false, true)) {
          report(listeners[i], event, e);
        }
      }
    }
  }

  private void report(CallListener listener, String event, Throwable e) {
    String line = "CallListener " + listener.getClass().getName() + " threw " + e.getClass().getName() + " in "
        + event + "; the call went on, and later failures of this listener are not reported";
    try {
      if (reportTo != null) {
        reportTo.log(line);
      } else {
        FALLBACK_LOG.log(Level.WARNING, line);
      }
    } catch (RuntimeException ignored) {
      // a failing logger is no reason to fail the call either
    }
  }
}
