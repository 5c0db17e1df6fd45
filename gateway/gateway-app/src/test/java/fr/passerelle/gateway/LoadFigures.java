package fr.passerelle.gateway;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a load run measured: each answer's latency and status, the requests that got no answer, and
 * the unexpected answers; printed as one benchmark-style block.
 */
final class LoadFigures {

  private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  private final TreeMap<Long, String> slowest = new TreeMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final long started = System.nanoTime();

  void answered(String request, int status, long nanos) {
    latencies.add(nanos);
    statuses.computeIfAbsent(status, ignored -> new LongAdder()).increment();
    synchronized (slowest) {
      // when it was sent tells a stall of the whole machine (the slowest all sent together) from
      // requests left waiting one by one
      double sentAt = (System.nanoTime() - nanos - started) / 1e9;
      slowest.put(nanos, String.format("%s %d sent at +%.1f s", request, status, sentAt));
      if (slowest.size() > 5) {
        slowest.pollFirstEntry();
      }
    }
  }

  void unanswered(String request) {
    unanswered.incrementAndGet();
    unexpected.add("no answer: " + request);
  }

  void unexpected(String what) {
    unexpected.add(what);
  }

  int count() {
    return latencies.size();
  }

  int unansweredCount() {
    return unanswered.get();
  }

  long count(int status) {
    LongAdder adder = statuses.get(status);
    return adder == null ? 0 : adder.sum();
  }

  java.util.List<String> unexpectedAnswers() {
    return java.util.List.copyOf(unexpected);
  }

  /** The slowest answer, in milliseconds. */
  double maxMillis() {
    return percentileMillis(100);
  }

  double percentileMillis(double percentile) {
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** The figures, one block, for the build log. */
  String report(String title) {
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((status, adder) -> byStatus.put(status, adder.sum()));
    double seconds = elapsedSeconds();
    return String.format(
        "%n== %s ==%n"
            + "requests answered  %d in %.1f s (%.0f/s), unanswered %d, unexpected %d%n"
            + "by status          %s%n"
            + "latency ms         p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n"
            + "slowest            %s%n",
        title,
        count(),
        seconds,
        count() / seconds,
        unanswered.get(),
        unexpected.size(),
        byStatus,
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        percentileMillis(99.9),
        maxMillis(),
        slowest());
  }

  private String slowest() {
    synchronized (slowest) {
      StringBuilder lines = new StringBuilder();
      slowest
          .descendingMap()
          .forEach(
              (nanos, request) ->
                  lines.append(String.format("%.0f ms %s; ", nanos / 1e6, request)));
      return lines.toString();
    }
  }

  static String firstOf(java.util.List<String> lines, int n) {
    return String.join(
        "\n", Arrays.copyOf(lines.toArray(String[]::new), Math.min(n, lines.size())));
  }
}
