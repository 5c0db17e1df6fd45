package fr.passerelle.eventbus.consume;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down while a consumer cannot reach its infrastructure (it retries without limit meanwhile), or
 * while a consumer group's listener container, stopped on an error, waits to be started again: part
 * of the service's readiness, so that an instance which cannot apply events is not sent traffic.
 */
public class EventConsumersHealthIndicator extends AbstractHealthIndicator {

  private final ConsumerAvailability availability;

  public EventConsumersHealthIndicator(ConsumerAvailability availability) {
    super("Event consumers health check failed");
    this.availability = availability;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var outages = availability.outages();
    var stops = availability.stops();
    if (outages.isEmpty() && stops.isEmpty()) {
      builder.up();
      return;
    }
    builder.down();
    if (!outages.isEmpty()) {
      builder.withDetail("outages", outages);
    }
    if (!stops.isEmpty()) {
      builder.withDetail("stopped", stops);
    }
  }
}
