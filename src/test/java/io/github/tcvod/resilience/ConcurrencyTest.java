package io.github.tcvod.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client shared by 8 threads making 500 calls each against the emulator. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 500;

  @RegisterExtension
  static VodEmulatorExtension emulator = new VodEmulatorExtension(false);

  @Test
  void sharedClientServesEveryThreadAndLeavesNothingBehind() throws Exception {
    Set<String> before = clientThreads();
    Set<String> requestIds = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    VodClient vod = VodClient.builder().endpoint(emulator.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY))
        .rateLimit(RateLimit.disabled()) // 4,000 calls at the documented 20/s would take 200 s
        .build();
    OkHttpClient http = VodTestServer.httpClientOf(vod);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final long definition = new long[] {7, 10, 20, 30}[t % 4];
        workers.add(threads.submit(() -> {
          int matched = 0;
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            DescribeProcessImageAsyncTemplatesResponse response = vod.describeProcessImageAsyncTemplates(
                DescribeProcessImageAsyncTemplatesRequest.builder().definitions(definition).build());
            if (response.processImageAsyncTemplateSet().size() == 1
                && response.processImageAsyncTemplateSet().get(0).definition() == definition) {
              matched++;
            }
            requestIds.add(response.requestId());
          }
          return matched;
        }));
      }
      for (Future<Integer> worker : workers) {
        assertEquals(CALLS_PER_THREAD, worker.get(5, TimeUnit.MINUTES), "every response answers its own request");
      }
    } finally {
      threads.shutdown();
      assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES));
      vod.close();
    }
    assertEquals(THREADS * CALLS_PER_THREAD, requestIds.size(), "distinct request ids");
    assertTrue(http.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(0, http.connectionPool().connectionCount(), "no connection left open");
    Set<String> leaked = clientThreads();
    for (int i = 0; i < 100 && !leaked.isEmpty(); i++) {
      Thread.sleep(20);
      leaked = clientThreads();
    }
    leaked.removeAll(before);
    assertEquals(Set.of(), leaked, "no thread of the client left running");
  }

  /** Threads the client may start that would keep a JVM alive: OkHttp's dispatcher and the SDK's own. */
  private static Set<String> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && !thread.isDaemon())
        .map(Thread::getName)
        .filter(name -> name.contains("OkHttp") || name.startsWith("tcvod"))
        .collect(Collectors.toSet());
  }
}
