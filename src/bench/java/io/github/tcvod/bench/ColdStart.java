package io.github.tcvod.bench;

import io.github.tcvod.RateLimit;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.lang.management.ManagementFactory;

/** Run in a fresh JVM: one call against the given endpoint, then the time since JVM start and classes loaded. */
public final class ColdStart {
  private ColdStart() {
  }

  public static void main(String[] args) {
    try (VodClient vod = VodClient.builder().endpoint(args[0]).credentials(Credentials.of("AKIDbench", "bench-key"))
        .rateLimit(RateLimit.disabled()).build()) {
      long total = vod.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build()).totalCount();
      long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("coldStartMillis=" + sinceStart + " classesLoaded="
          + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() + " totalCount=" + total);
    }
  }
}
