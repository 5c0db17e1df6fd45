package fr.passerelle.reporting.audit.seal;

import fr.passerelle.audit.events.HistorySealed;
import fr.passerelle.audit.events.ReportingEvents;
import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.eventbus.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The seals as published on reporting's topic, read from its beginning: what the ledger is checked
 * against. The database's own copy ({@code audit_seal}) is whatever the database says; the topic's
 * is out of reach of anyone who can only change the database.
 */
public class PublishedSeals implements Supplier<List<Seal>> {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> consumerProperties;

  public PublishedSeals(Map<String, Object> consumerProperties) {
    this.consumerProperties = new HashMap<>(consumerProperties);
    this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerProperties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumerProperties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
  }

  /** Every seal published, by day; a day sealed twice (two instances raced) counts once. */
  @Override
  public List<Seal> get() {
    Map<java.time.LocalDate, Seal> seals = new java.util.TreeMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(ReportingEvents.TOPIC, READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Could not read the published seals in " + READ_TIMEOUT);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (HistorySealed.TYPE.equals(header(record, CloudEventHeaders.TYPE))) {
            Seal seal = seal(EventJson.read(record.value(), HistorySealed.class));
            seals.putIfAbsent(seal.day(), seal);
          }
        }
      }
    }
    return new ArrayList<>(seals.values());
  }

  private static Seal seal(HistorySealed sealed) {
    return new Seal(
        sealed.day(),
        sealed.lastPosition(),
        HexFormat.of().parseHex(sealed.lastLink()),
        sealed.subjects(),
        HexFormat.of().parseHex(sealed.subjectsDigest()));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
