package fr.passerelle.gateway.resilience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The calls one route may have in flight at once, with a bounded line of callers waiting, first
 * come first served, for a call to end. Never blocks a thread: a waiting caller is a pending {@link
 * Mono}.
 */
final class Capacity {

  /** No room in flight nor in line, or no room freed in time. */
  static final class Saturated extends RuntimeException {
    Saturated() {
      super(null, null, false, false);
    }
  }

  /** The right to one call; released once, however many times asked. */
  final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    Mono<Void> release() {
      return Mono.fromRunnable(
          () -> {
            if (released.compareAndSet(false, true)) {
              handOver();
            }
          });
    }
  }

  private static final int WAITING = 0;
  private static final int GRANTED = 1;
  private static final int GAVE_UP = 2;

  /** A caller in line. */
  private final class Waiter {
    final Sinks.One<Permit> sink = Sinks.one();
    final AtomicInteger state = new AtomicInteger(WAITING);
    volatile Permit permit;

    /** Gives it {@code granted}, unless it gave up. */
    boolean grant(Permit granted) {
      permit = granted;
      if (state.compareAndSet(WAITING, GRANTED)) {
        sink.tryEmitValue(granted);
        return true;
      }
      return false;
    }

    /** Leaves the line: false when a permit was granted first (the caller then owns it). */
    boolean giveUp() {
      if (state.compareAndSet(WAITING, GAVE_UP)) {
        synchronized (Capacity.this) {
          line.remove(this);
        }
        return true;
      }
      return false;
    }
  }

  private final int maxInFlight;
  private final int maxQueued;
  private final Duration maxWait;
  private final Scheduler clock;
  private final Deque<Waiter> line = new ArrayDeque<>();
  private int inFlight;

  Capacity(int maxInFlight, int maxQueued, Duration maxWait) {
    this(maxInFlight, maxQueued, maxWait, Schedulers.parallel());
  }

  /** With {@code clock} timing the waits (tests). */
  Capacity(int maxInFlight, int maxQueued, Duration maxWait, Scheduler clock) {
    this.maxInFlight = maxInFlight;
    this.maxQueued = maxQueued;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /**
   * A permit at once if a call may start, else after waiting in line for one to end; {@link
   * Saturated} when the line is full or the wait too long.
   */
  Mono<Permit> acquire() {
    return Mono.defer(
        () -> {
          Waiter waiter;
          synchronized (this) {
            if (inFlight < maxInFlight) {
              inFlight++;
              return Mono.just(new Permit());
            }
            if (line.size() >= maxQueued) {
              return Mono.error(new Saturated());
            }
            waiter = new Waiter();
            line.addLast(waiter);
          }
          return waiter
              .sink
              .asMono()
              .timeout(maxWait, clock)
              .onErrorResume(
                  TimeoutException.class,
                  late -> waiter.giveUp() ? Mono.error(new Saturated()) : Mono.just(waiter.permit))
              .doOnCancel(
                  () -> {
                    if (!waiter.giveUp()) {
                      waiter.permit.release().subscribe();
                    }
                  });
        });
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int queued() {
    return line.size();
  }

  /** A call ended: its place goes to the first caller still in line, else it is freed. */
  private void handOver() {
    while (true) {
      Waiter next;
      synchronized (this) {
        next = line.pollFirst();
        if (next == null) {
          inFlight--;
          return;
        }
      }
      if (next.grant(new Permit())) {
        return;
      }
    }
  }
}
