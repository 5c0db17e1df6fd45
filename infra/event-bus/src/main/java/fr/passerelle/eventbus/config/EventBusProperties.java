package fr.passerelle.eventbus.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event bus in one service ({@code passerelle.event-bus.*}).
 *
 * @param source the CloudEvents {@code ce_source} of what this service publishes, e.g. {@code
 *     /passerelle/dossier-service}
 * @param outbox the topic this service publishes to, if it publishes
 * @param consumer retry and restart settings of this service's consumers
 */
@ConfigurationProperties("passerelle.event-bus")
public record EventBusProperties(
    String source, @DefaultValue Outbox outbox, @DefaultValue Consumer consumer) {

  /**
   * @param topic the service's topic, for example {@code dossier.events}; no topic, no outbox
   * @param partitions partitions of the topic: it is created with them, and the service refuses to
   *     start if the existing topic has another count (it never changes it)
   * @param sendTimeout how long one send waits for Kafka's acknowledgement before the batch is
   *     retried
   * @param batchSize events read from the event store per batch (one token update per batch)
   * @param topicCheckTimeout how long the service waits at start for Kafka to describe its topic
   *     before refusing to start
   */
  public record Outbox(
      String topic,
      @DefaultValue("6") int partitions,
      @DefaultValue("30s") Duration sendTimeout,
      @DefaultValue("50") int batchSize,
      @DefaultValue("60s") Duration topicCheckTimeout) {}

  /**
   * @param attempts attempts to apply an event before it is dead-lettered
   * @param initialBackoff first wait before a failed event is handled again
   * @param maxBackoff longest wait between two attempts
   * @param restartBackoff how long a consumer group whose listener container stopped on its own (on
   *     an error such as running out of memory) waits before it is started again; the service is
   *     not ready meanwhile
   */
  public record Consumer(
      @DefaultValue("4") int attempts,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("30s") Duration maxBackoff,
      @DefaultValue("10s") Duration restartBackoff) {}
}
