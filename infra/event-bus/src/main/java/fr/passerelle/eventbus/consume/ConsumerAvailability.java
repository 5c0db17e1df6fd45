package fr.passerelle.eventbus.consume;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumers cannot apply events because their infrastructure fails (the database is down or
 * times out): they retry the same event without limit, and the service is not ready meanwhile. A
 * consumer is available again as soon as one delivery goes through.
 */
public class ConsumerAvailability {

  /** A consumer's ongoing outage: since when, how many failed attempts, the last error. */
  public record Outage(Instant since, long failures, String lastError) {}

  private final Map<String, Outage> outages = new ConcurrentHashMap<>();

  void failed(String consumer, String error) {
    outages.merge(
        consumer,
        new Outage(Instant.now(), 1, error),
        (ongoing, next) -> new Outage(ongoing.since(), ongoing.failures() + 1, error));
  }

  void succeeded(String consumer) {
    outages.remove(consumer);
  }

  /** The consumers in an outage now, by name. */
  public Map<String, Outage> outages() {
    return Map.copyOf(outages);
  }
}
