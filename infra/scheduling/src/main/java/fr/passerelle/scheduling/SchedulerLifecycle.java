package fr.passerelle.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler once everything else has started, Axon's aggregates included, so that the
 * first due execution finds what it acts on; stops it first, before them. The only place the
 * scheduler is started: a second start would run a second polling loop.
 */
class SchedulerLifecycle implements SmartLifecycle {

  /** After Axon's phases and Kafka's listeners, before the web server takes requests. */
  static final int PHASE = Integer.MAX_VALUE - 4096;

  private final Scheduler scheduler;
  private volatile boolean running;

  SchedulerLifecycle(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public synchronized void start() {
    if (!running) {
      scheduler.start();
      running = true;
    }
  }

  @Override
  public synchronized void stop() {
    if (running) {
      scheduler.stop();
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
