package fr.passerelle.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes integration events as a producing service would, for consumer tests. */
public final class TestEvents {

  private TestEvents() {}

  /** One CloudEvents record, for a producer of the caller's own. */
  public static ProducerRecord<String, String> record(
      String topic, String eventId, String type, String dossierId, String jsonData) {
    return record(topic, eventId, type, dossierId, jsonData, Map.of());
  }

  /**
   * One CloudEvents record with more headers (the request and actor headers, or a {@code ce_source}
   * or {@code ce_time} of the test's own).
   */
  public static ProducerRecord<String, String> record(
      String topic,
      String eventId,
      String type,
      String dossierId,
      String jsonData,
      Map<String, String> extraHeaders) {
    var headers = new RecordHeaders();
    headers.add("ce_id", bytes(eventId));
    headers.add("ce_type", bytes(type));
    headers.add("ce_source", bytes(extraHeaders.getOrDefault("ce_source", "/passerelle/test")));
    headers.add("ce_time", bytes(extraHeaders.getOrDefault("ce_time", Instant.now().toString())));
    headers.add("ce_subject", bytes(dossierId));
    headers.add("ce_specversion", bytes("1.0"));
    extraHeaders.forEach(
        (name, value) -> {
          if (!name.equals("ce_source") && !name.equals("ce_time")) {
            headers.add(name, bytes(value));
          }
        });
    return new ProducerRecord<>(topic, null, dossierId, jsonData, headers);
  }

  /** Sends one CloudEvents record and waits for Kafka's acknowledgement. */
  public static void send(
      String topic, String eventId, String type, String dossierId, String jsonData) {
    send(topic, eventId, type, dossierId, jsonData, Map.of());
  }

  /** Sends one CloudEvents record with more headers and waits for Kafka's acknowledgement. */
  public static void send(
      String topic,
      String eventId,
      String type,
      String dossierId,
      String jsonData,
      Map<String, String> extraHeaders) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(record(topic, eventId, type, dossierId, jsonData, extraHeaders)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused the test event", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates {@code topic} if it does not exist yet, as its publishing service would. */
  public static void ensureTopic(String topic, int partitions) {
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin
            .createTopics(
                java.util.List.of(
                    new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
            .all()
            .get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
