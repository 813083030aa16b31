package io.github.tcvod.resilience;

import io.github.tcvod.CallOptions;
import io.github.tcvod.VodClient;
import io.github.tcvod.spi.ActionDescriptor;
import io.github.tcvod.internal.ActionInvoker;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.util.Set;
import java.util.TreeSet;

/** Shared bits of the tests against hostile answers. */
final class Hostile {
  static final DescribeProcessImageAsyncTemplatesRequest REQUEST = DescribeProcessImageAsyncTemplatesRequest.builder().build();
  /** An action the spec would not mark idempotent. */
  static final ActionDescriptor CREATE = ActionDescriptor.builder("CreateSomething").version("2018-07-17").service("vod").build();
  static final String OK = RetryTest.OK;

  private Hostile() {
  }

  static ActionInvoker invokerOf(VodClient vod) {
    try {
      java.lang.reflect.Field runtime = vod.getClass().getDeclaredField("runtime");
      runtime.setAccessible(true);
      return (ActionInvoker) runtime.get(vod);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Sends the non-idempotent CreateSomething through the client's own HTTP stack. */
  static DescribeProcessImageAsyncTemplatesResponse create(VodClient vod) {
    return invokerOf(vod).invoke(CREATE, REQUEST, DescribeProcessImageAsyncTemplatesResponse.class, CallOptions.none());
  }

  /** @return names of the live threads the SDK or its own OkHttp client started */
  static Set<String> sdkThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread thread : sdkThreadObjects()) {
      names.add(thread.getName());
    }
    return names;
  }

  /** @return the live threads the SDK or its own OkHttp client started, those of other tests' clients included */
  static Set<Thread> sdkThreadObjects() {
    Set<Thread> threads = new java.util.HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      // OkHttp's TaskRunner threads are shared by every OkHttp client of the JVM, not the SDK's;
      // they take the name of the task they run (e.g. "OkHttp ConnectionPool connection closer").
      boolean sharedByOkHttp = name.contains("TaskRunner") || name.contains("ConnectionPool");
      if (thread.isAlive() && (name.startsWith("tcvod") || (name.startsWith("OkHttp") && !sharedByOkHttp))) {
        threads.add(thread);
      }
    }
    return threads;
  }
}
