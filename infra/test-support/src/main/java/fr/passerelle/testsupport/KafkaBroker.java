package fr.passerelle.testsupport;

import java.util.Map;
import java.util.Optional;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A Kafka broker the tests can publish to and consume from. */
record KafkaBroker(String bootstrapServers, String describe) {

  static Optional<KafkaBroker> external() {
    String servers = System.getenv("PASSERELLE_TEST_KAFKA_BOOTSTRAP_SERVERS");
    if (servers == null || servers.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new KafkaBroker(servers, "external at " + servers));
  }

  static KafkaBroker embedded() {
    var broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.brokerProperties(
        Map.of(
            "auto.create.topics.enable", "false",
            "group.initial.rebalance.delay.ms", "0",
            "log.retention.ms", "-1"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return new KafkaBroker(
        broker.getBrokersAsString(), "embedded (KRaft) at " + broker.getBrokersAsString());
  }
}
