package fr.passerelle.eventbus.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The service's own topic, checked before anything is published: created with the configured
 * partitions (history kept forever) when it does not exist; otherwise its partition count must be
 * the configured one, or the service refuses to start. A topic's partitions are never changed here:
 * Kafka places a dossier by its key modulo the partition count, so raising it would send a
 * dossier's later events to another partition than its earlier ones, and consumers could apply them
 * out of order.
 */
public class OutboxTopic implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxTopic.class);
  private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

  private final Map<String, Object> adminProperties;
  private final String topic;
  private final int partitions;
  private final Duration patience;

  /**
   * @param patience how long to wait for Kafka to answer before refusing to start
   */
  public OutboxTopic(
      Map<String, Object> adminProperties, String topic, int partitions, Duration patience) {
    this.adminProperties = adminProperties;
    this.topic = topic;
    this.partitions = partitions;
    this.patience = patience;
  }

  @Override
  public void afterPropertiesSet() throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    try (Admin admin = Admin.create(adminProperties)) {
      while (true) {
        try {
          check(admin);
          return;
        } catch (ExecutionException e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(
                "Cannot check topic %s on Kafka within %s: %s"
                    .formatted(topic, patience, e.getCause()),
                e.getCause());
          }
          log.warn("Kafka does not answer yet about topic {}: {}", topic, e.getCause().toString());
          Thread.sleep(RETRY_EVERY.toMillis());
        }
      }
    }
  }

  private void check(Admin admin) throws ExecutionException, InterruptedException {
    Optional<Integer> existing = partitionsOf(admin);
    if (existing.isEmpty()) {
      try {
        admin.createTopics(List.of(newTopic())).all().get();
        log.info("Created topic {} with {} partitions", topic, partitions);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        existing = partitionsOf(admin); // another instance created it meanwhile
      }
    }
    int actual = existing.orElseThrow();
    if (actual != partitions) {
      throw new IllegalStateException(
          ("Topic %1$s has %2$d partitions but this service is configured for %3$d"
                  + " (passerelle.event-bus.outbox.partitions): refusing to start. A topic's"
                  + " partitions are never changed by the service, since a different count sends a"
                  + " dossier's later events to another partition than its earlier ones. Set the"
                  + " configuration to %2$d.")
              .formatted(topic, actual, partitions));
    }
  }

  private Optional<Integer> partitionsOf(Admin admin)
      throws ExecutionException, InterruptedException {
    try {
      return Optional.of(
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .size());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private NewTopic newTopic() {
    return new NewTopic(topic, Optional.of(partitions), Optional.empty())
        .configs(
            Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
  }
}
