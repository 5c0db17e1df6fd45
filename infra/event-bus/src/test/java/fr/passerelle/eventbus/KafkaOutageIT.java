package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.publish.OutboxOperations;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.eventbus.testapp.TestApplication.Happened;
import fr.passerelle.testsupport.KafkaProcess;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka stops while events are being stored, then comes back: the outbox keeps its token and
 * retries, and every event arrives, in order per dossier, nothing lost. The broker here is a
 * process of its own, so that it can really be stopped.
 */
@SpringBootTest(classes = TestApplication.class)
class KafkaOutageIT {

  private static final KafkaProcess KAFKA = KafkaProcess.start();

  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxOperations outbox;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    var infrastructure = TestInfrastructure.get();
    registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl("eventbus_outage"));
    registry.add("spring.datasource.username", infrastructure::username);
    registry.add("spring.datasource.password", infrastructure::password);
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("passerelle.security.jwt.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "passerelle.security.jwt.public-key", () -> TestTokens.publicKeyPem().toUri().toString());
    // Give up on a send in seconds rather than minutes, so the outage is felt at once.
    registry.add("spring.kafka.producer.properties.max.block.ms", () -> "3000");
    registry.add("spring.kafka.producer.properties.request.timeout.ms", () -> "3000");
    registry.add("spring.kafka.producer.properties.delivery.timeout.ms", () -> "6000");
    registry.add("passerelle.event-bus.outbox.send-timeout", () -> "8s");
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  @Test
  void eventsStoredWhileKafkaIsDownArriveInOrderOnceItIsBack() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    store(first, "1", "2");
    awaitApplied(first, Duration.ofSeconds(60), "1", "2");

    KAFKA.stop();
    store(first, "3", "4", "5");
    store(second, "a", "b");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(outbox.status().lag()).isGreaterThanOrEqualTo(5));
    assertThat(applied(first)).containsExactly("1", "2");

    KAFKA.restart();

    awaitApplied(first, Duration.ofSeconds(120), "1", "2", "3", "4", "5");
    awaitApplied(second, Duration.ofSeconds(30), "a", "b");
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status().lag() == 0);
  }

  private void store(String dossier, String... values) {
    for (String value : values) {
      eventStore.publish(GenericEventMessage.asEventMessage(new Happened(dossier, value)));
    }
  }

  private void awaitApplied(String dossier, Duration patience, String... values) {
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(applied(dossier)).containsExactly(values));
  }

  private List<String> applied(String dossier) {
    return jdbc.queryForList(
        "SELECT value FROM applied WHERE dossier_id = ? ORDER BY id", String.class, dossier);
  }
}
