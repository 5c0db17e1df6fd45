package fr.passerelle.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load from concurrent clients: each client a thread doing its work again and again for a given
 * time, while the machine's CPU use is read. The gateway's ceiling, the write mix and the whole
 * pathways are driven by it, so that their figures are counted the same way.
 */
final class Load {

  /** One client's work, done again and again. */
  interface Work {
    /** One round of work by client {@code index}; true when it succeeded. */
    boolean once(int index);
  }

  /**
   * What a run of load did: rounds that succeeded and rounds that failed (an exception counts as
   * failed), the time it took, the machine's CPU use meanwhile (percent, every process) and the
   * time each successful round took (nanoseconds).
   */
  record Run(long succeeded, long failed, double seconds, double cpuBusy, List<Long> latencies) {

    double perSecond() {
      return succeeded / seconds;
    }

    Latencies percentiles() {
      return Latencies.of(latencies);
    }
  }

  private Load() {}

  static Run drive(int clients, Duration duration, Work work) throws InterruptedException {
    LongAdder succeeded = new LongAdder();
    LongAdder failed = new LongAdder();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(clients);
    long[] cpuBefore = cpu();
    long start = System.nanoTime();
    long until = start + duration.toNanos();
    for (int i = 0; i < clients; i++) {
      int index = i;
      Thread thread =
          new Thread(
              () -> {
                List<Long> mine = new ArrayList<>();
                try {
                  while (System.nanoTime() < until) {
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                      ok = work.once(index);
                    } catch (RuntimeException e) {
                      ok = false;
                    }
                    if (ok) {
                      mine.add(System.nanoTime() - t);
                      succeeded.increment();
                    } else {
                      failed.increment();
                    }
                  }
                } finally {
                  latencies.addAll(mine);
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = cpu();
    double busy = 100.0 * (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
    return new Run(succeeded.sum(), failed.sum(), elapsed, busy, new ArrayList<>(latencies));
  }

  /** Busy and total jiffies of the whole machine. */
  private static long[] cpu() {
    String[] fields =
        Platform.read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+");
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new long[] {total - idle, total};
  }
}
