package io.github.tcvod.resilience;

import io.github.tcvod.VodClient;
import io.github.tcvod.internal.ActionInvoker;
import okhttp3.OkHttpClient;

/** Reaches into a client for what tests must observe: its HTTP client. */
final class ClientInternals {
  private ClientInternals() {
  }

  static ActionInvoker invokerOf(VodClient vod) {
    try {
      java.lang.reflect.Field invoker = VodClient.class.getDeclaredField("invoker");
      invoker.setAccessible(true);
      return (ActionInvoker) invoker.get(vod);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static OkHttpClient httpClientOf(VodClient vod) {
    return invokerOf(vod).httpClient();
  }
}
