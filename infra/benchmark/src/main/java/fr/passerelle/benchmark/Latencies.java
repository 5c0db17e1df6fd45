package fr.passerelle.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The median and the 99th percentile of a series of latencies, in milliseconds. */
record Latencies(double p50, double p99) {

  /** The percentiles of {@code nanoseconds}; NaN when the series is empty. */
  static Latencies of(List<Long> nanoseconds) {
    return new Latencies(percentile(nanoseconds, 50) / 1e6, percentile(nanoseconds, 99) / 1e6);
  }

  /** The {@code percentile}th of {@code values} (nearest rank), NaN when there are none. */
  private static double percentile(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
