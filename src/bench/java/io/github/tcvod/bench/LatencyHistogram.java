package io.github.tcvod.bench;

/**
 * Latencies in nanoseconds, counted in log-linear buckets (32 per power of two, so a percentile is
 * within about 3%): recording allocates nothing, so it does not disturb the bytes-per-call figure.
 * Not thread-safe: one per thread, merged at the end.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS;
  private final long[] counts = new long[(64 - SUB_BITS) * SUB + SUB];
  private long total;

  void record(long nanos) {
    counts[index(Math.max(0, nanos))]++;
    total++;
  }

  long total() {
    return total;
  }

  void add(LatencyHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  /** @return the latency at {@code fraction} (0.5 for the median), the middle of its bucket */
  long percentile(double fraction) {
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return (lowest(i) + lowest(i + 1)) / 2;
      }
    }
    return 0;
  }

  static int index(long value) {
    if (value < 2 * SUB) {
      return (int) value;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(value);
    int shift = exponent - SUB_BITS;
    return (shift + 1) * SUB + (int) (value >>> shift) - SUB;
  }

  static long lowest(int index) {
    if (index < 2 * SUB) {
      return index;
    }
    int shift = index / SUB - 1;
    return (long) (index % SUB + SUB) << shift;
  }
}
