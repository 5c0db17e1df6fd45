package fr.passerelle.eventbus.consume;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumers cannot apply events because their infrastructure fails (the database is down or
 * times out): they retry the same event without limit, and the service is not ready meanwhile. A
 * consumer is available again as soon as one delivery goes through.
 *
 * <p>Also which consumer groups have stopped reading on their own (their listener container stopped
 * on an error, see {@link EventConsumers}): the service is not ready until they run again.
 */
public class ConsumerAvailability {

  /** A consumer's ongoing outage: since when, how many failed attempts, the last error. */
  public record Outage(Instant since, long failures, String lastError) {}

  /**
   * A consumer group whose listener container stopped on its own: since when, why (Spring Kafka's
   * reason: {@code ERROR}, {@code FENCED}, {@code AUTH}, {@code NO_OFFSET}, {@code ABNORMAL}) and
   * when it is started again.
   */
  public record Stop(Instant since, String reason, Instant restartAt) {}

  private final Map<String, Outage> outages = new ConcurrentHashMap<>();
  private final Map<String, Stop> stops = new ConcurrentHashMap<>();

  void failed(String consumer, String error) {
    outages.merge(
        consumer,
        new Outage(Instant.now(), 1, error),
        (ongoing, next) -> new Outage(ongoing.since(), ongoing.failures() + 1, error));
  }

  void succeeded(String consumer) {
    outages.remove(consumer);
  }

  void stopped(String group, String reason, Instant restartAt) {
    stops.merge(
        group,
        new Stop(Instant.now(), reason, restartAt),
        (ongoing, next) -> new Stop(ongoing.since(), next.reason(), next.restartAt()));
  }

  /** The group runs again, or was stopped on purpose meanwhile: nothing to wait for any more. */
  void cleared(String group) {
    stops.remove(group);
  }

  /** The consumers in an outage now, by name. */
  public Map<String, Outage> outages() {
    return Map.copyOf(outages);
  }

  /** The consumer groups stopped on their own now, waiting to be started again, by group. */
  public Map<String, Stop> stops() {
    return Map.copyOf(stops);
  }
}
