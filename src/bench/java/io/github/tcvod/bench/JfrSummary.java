package io.github.tcvod.bench;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of a benchmark: CPU samples ({@code jdk.ExecutionSample}) and
 * allocation samples ({@code jdk.ObjectAllocationSample}, weighted by the bytes each stands for) of
 * the threads whose name contains a given text, by top frame, by innermost SDK frame, and inclusive
 * per SDK, OkHttp, Okio and Gson method. Usage: {@code JfrSummary FILE.jfr [THREAD-NAME-PART] [TOP]}.
 */
public final class JfrSummary {
  private JfrSummary() {
  }

  public static void main(String[] args) throws IOException {
    String threadPart = args.length > 1 ? args[1] : "";
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<RecordedEvent> events = RecordingFile.readAllEvents(Paths.get(args[0]));
    summarize(events, "jdk.ExecutionSample", "sampledThread", null, threadPart, top);
    summarize(events, "jdk.ObjectAllocationSample", "eventThread", "weight", threadPart, top);
  }

  private static void summarize(List<RecordedEvent> events, String type, String threadField, String weightField, String threadPart,
      int top) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> innermostSdk = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> siteBySdk = new HashMap<>();
    long total = 0;
    int count = 0;
    for (RecordedEvent event : events) {
      if (!event.getEventType().getName().equals(type)) {
        continue;
      }
      RecordedThread thread = event.getValue(threadField);
      RecordedStackTrace stack = event.getStackTrace();
      if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains(threadPart) || stack == null
          || stack.getFrames().isEmpty()) {
        continue;
      }
      long weight = weightField == null ? 1 : event.getLong(weightField);
      total += weight;
      count++;
      List<RecordedFrame> frames = stack.getFrames();
      String first = name(frames.get(0));
      String sdk = "(no SDK frame)";
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (name.startsWith("io.github.tcvod.") && !name.startsWith("io.github.tcvod.bench.")) {
          sdk = name;
          break;
        }
      }
      self.merge(first, weight, Long::sum);
      innermostSdk.merge(sdk, weight, Long::sum);
      siteBySdk.merge(first + "  <=  " + sdk, weight, Long::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name) && (name.startsWith("io.github.tcvod.") || name.startsWith("okhttp3.") || name.startsWith("okio.")
            || name.startsWith("com.google.gson."))) {
          inclusive.merge(name, weight, Long::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "== %s: %d events on threads matching '%s'%s%n", type, count, threadPart,
        weightField == null ? "" : String.format(Locale.ROOT, ", %.1f MB sampled", total / 1e6));
    print("top frame (self)", self, total, top);
    print("innermost SDK frame", innermostSdk, total, top);
    if (weightField != null) {
      print("allocation site <= innermost SDK frame", siteBySdk, total, top);
    }
    print("inclusive (SDK, OkHttp, Okio, Gson methods)", inclusive, total, top * 2);
    System.out.println();
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> counts, long total, int top) {
    System.out.println("-- " + title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
  }

}
