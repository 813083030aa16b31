package io.github.tcvod;

import io.github.tcvod.spi.waiter.WaiterEngine;

/** Gives tests in other packages the generated waiters on an engine of their choice (e.g. virtual time). */
public final class TestWaiters {
  private TestWaiters() {
  }

  /**
   * @param vod the client to poll with
   * @param engine the engine, e.g. on {@code VirtualTime}
   * @return the client's waiters on that engine
   */
  public static VodClientWaiters of(VodClient vod, WaiterEngine engine) {
    return new VodClientWaiters(vod, engine);
  }
}
