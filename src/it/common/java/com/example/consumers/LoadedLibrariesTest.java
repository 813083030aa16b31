package com.example.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Prints and checks which OkHttp and Gson this consumer's graph resolved to, so that a graph that
 * silently resolved to something else (a second OkHttp, another version) cannot pass.
 */
class LoadedLibrariesTest {
  @Test
  void theGraphResolvedToTheExpectedOkHttpAndGson() throws Exception {
    String okhttp = LoadedLibraries.okHttpVersion();
    String gson = LoadedLibraries.gsonVersion();
    System.out.println("[" + System.getProperty("consumer.name") + "] loaded OkHttp " + okhttp + " from "
        + LoadedLibraries.okHttpJars() + ", Gson " + gson);
    assertEquals(System.getProperty("expected.okhttp.version"), okhttp, "OkHttp version");
    assertEquals(Collections.singletonList(System.getProperty("expected.okhttp.jar")), LoadedLibraries.okHttpJars(),
        "exactly one jar holds okhttp3.OkHttpClient");
    assertEquals(System.getProperty("expected.gson.version"), gson, "Gson version");
  }
}
