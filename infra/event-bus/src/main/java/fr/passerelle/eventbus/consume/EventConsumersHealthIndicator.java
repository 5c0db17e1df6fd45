package fr.passerelle.eventbus.consume;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down while a consumer cannot reach its infrastructure (it retries without limit meanwhile): part
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
    if (outages.isEmpty()) {
      builder.up();
    } else {
      builder.down().withDetail("outages", outages);
    }
  }
}
