package fr.passerelle.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads that keep the CPU busy while a load test runs, so that the gateway's event loops are
 * preempted at any point as on a loaded machine.
 */
final class BusyThreads implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  /** Starts {@code count} threads that compute until closed. */
  static BusyThreads start(int count) {
    BusyThreads busy = new BusyThreads();
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(busy::spin, "busy-" + i);
      thread.setDaemon(true);
      busy.threads.add(thread);
      thread.start();
    }
    return busy;
  }

  private void spin() {
    double sink = 1;
    while (running.get()) {
      for (int i = 1; i < 100_000; i++) {
        sink = Math.sqrt(sink + i);
      }
    }
    if (sink < 0) {
      throw new AssertionError(sink);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
