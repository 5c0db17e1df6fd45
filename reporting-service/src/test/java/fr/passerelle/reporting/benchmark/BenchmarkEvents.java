package fr.passerelle.reporting.benchmark;

import fr.passerelle.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes many events at once for the benchmarks, as the services' outboxes would (CloudEvents
 * headers, record key the dossier), through one producer that batches, waiting for every
 * acknowledgement at the end.
 */
final class BenchmarkEvents implements AutoCloseable {

  /** One event to publish. */
  record Event(
      String topic, String id, String type, String source, String dossierId, String json) {}

  private final KafkaProducer<String, String> producer =
      new KafkaProducer<>(
          Map.<String, Object>of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestInfrastructure.get().kafkaBootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all",
              ProducerConfig.LINGER_MS_CONFIG,
              5,
              ProducerConfig.BATCH_SIZE_CONFIG,
              256 * 1024),
          new StringSerializer(),
          new StringSerializer());

  void publish(List<Event> events) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    for (Event event : events) {
      RecordHeaders headers = new RecordHeaders();
      header(headers, "ce_id", event.id());
      header(headers, "ce_type", event.type());
      header(headers, "ce_source", event.source());
      header(headers, "ce_time", Instant.now().toString());
      header(headers, "ce_subject", event.dossierId());
      header(headers, "ce_specversion", "1.0");
      header(headers, "x-request-id", "bench-" + event.id());
      sent.add(
          producer.send(
              new ProducerRecord<>(event.topic(), null, event.dossierId(), event.json(), headers)));
    }
    try {
      for (Future<RecordMetadata> acknowledgement : sent) {
        acknowledgement.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a benchmark event", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
