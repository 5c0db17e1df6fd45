package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A consumer behind a backlog of several megabytes fetches at most 1 MiB at a time (the service
 * defaults), as its own Kafka client measures it: each consumer thread keeps a direct buffer as
 * large as its largest fetch, and a rebuild's threads fetching several megabytes each ran a service
 * out of direct memory.
 */
class FetchSizeIT {

  private static final int ONE_MIB = 1_048_576;
  private static final int RECORDS = 4_500;
  private static final String PADDING = "x".repeat(1_000);

  /** A type the test service's consumer reads and ignores, as consumers do most of a topic. */
  private static final String TYPE = "passerelle.test.padded.v1";

  @Test
  void aConsumerBehindABacklogFetchesAtMostOneMebibyteAtATime() {
    TestEvents.ensureTopic(TestApplication.TOPIC, 3);
    int largestRecord = produceBacklog();

    try (ConfigurableApplicationContext service =
        new SpringApplicationBuilder(TestApplication.class)
            .initializers(new PasserelleInfrastructureInitializer())
            .run("--spring.application.name=eventbus-fetch-size", "--server.port=0")) {
      EventConsumers consumers = service.getBean(EventConsumers.class);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> consumers.live().lag() == 0);

      double largestFetch = largestFetch(service.getBean(MeterRegistry.class));
      // the backlog was read in large fetches, so the bound is what kept them small
      assertThat(largestFetch).isGreaterThan(ONE_MIB / 2.0);
      // Kafka may exceed the bound by the record batch it starts a fetch with, never more
      assertThat(largestFetch).isLessThanOrEqualTo(ONE_MIB + largestRecord);
    }
  }

  /**
   * About 4.5 MB of events spread over the topic's partitions, as a history a rebuild reads from
   * offset 0; returns the size of the largest one as Kafka stores it, in a batch of its own.
   */
  private static int produceBacklog() {
    int largest = 0;
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        String dossier = UUID.randomUUID().toString();
        ProducerRecord<String, String> record =
            TestEvents.record(
                TestApplication.TOPIC,
                UUID.randomUUID().toString(),
                TYPE,
                dossier,
                "{\"dossierId\":\"" + dossier + "\",\"padding\":\"" + PADDING + "\"}");
        sent.add(producer.send(record));
        largest = Math.max(largest, storedSize(record));
      }
      for (Future<RecordMetadata> acknowledged : sent) {
        acknowledged.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused the backlog", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return largest;
  }

  private static int storedSize(ProducerRecord<String, String> record) {
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE,
        CompressionType.NONE,
        record.key().getBytes(StandardCharsets.UTF_8),
        record.value().getBytes(StandardCharsets.UTF_8),
        record.headers().toArray());
  }

  /**
   * The largest fetch of the service's consumers, in bytes, as their Kafka clients measure it
   * ({@code fetch-size-max} of {@code consumer-fetch-manager-metrics}, through Micrometer).
   */
  private static double largestFetch(MeterRegistry meters) {
    return meters.find("kafka.consumer.fetch.manager.fetch.size.max").gauges().stream()
        .mapToDouble(Gauge::value)
        .filter(Double::isFinite)
        .max()
        .orElseThrow();
  }
}
