package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.consume.DeadLetter;
import fr.passerelle.eventbus.consume.DeadLetterOperations;
import fr.passerelle.eventbus.consume.DeadLetters;
import fr.passerelle.eventbus.publish.OutboxOperations;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.eventbus.testapp.TestApplication.Happened;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The bus end to end against real PostgreSQL and Kafka: events appended to the event store are
 * published by the outbox and applied by a consumer through the inbox.
 */
@SpringBootTest(classes = TestApplication.class)
@ContextConfiguration(initializers = PasserelleInfrastructureInitializer.class)
class EventBusIT {

  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeadLetters deadLetters;
  @Autowired DeadLetterOperations operations;
  @Autowired OutboxOperations outbox;
  @Autowired CommandGateway commands;
  @Autowired MeterRegistry meters;
  @Autowired TransactionManager axonTransactions;

  @AfterEach
  void noPoison() {
    TestApplication.POISON.clear();
  }

  /**
   * Axon's units of work (a command's, an event processor's batch) run in the database's Spring
   * transaction: a processor's writes, the events its commands append and its token commit
   * together. Without it, each statement commits on its own and a crash can keep some of them.
   */
  @Test
  void axonsUnitsOfWorkRunInTheDatabasesTransaction() {
    assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
  }

  @Test
  void storedEventsArePublishedAndAppliedInTheirDossiersOrder() {
    String dossier = UUID.randomUUID().toString();

    store(dossier, "a", "b", "c");

    awaitApplied(dossier, "a", "b", "c");
  }

  @Test
  void republishingSendsEventsAgainAndTheirEffectHappensOnce() {
    String dossier = UUID.randomUUID().toString();
    store(dossier, "first", "second");
    awaitApplied(dossier, "first", "second");

    double duplicatesBefore = duplicates();

    // As if the publisher had died after Kafka acknowledged but before its token was stored:
    // its token is behind what Kafka has, so it sends those events again.
    outbox.republishFrom(0);
    String marker = UUID.randomUUID().toString();
    store(marker, "after-republication");
    awaitApplied(marker, "after-republication");

    assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(2);
    assertThat(applied(dossier)).containsExactly("first", "second");
    assertThat(outbox.status().lag()).isZero();
  }

  @Test
  void theRequestThatCausedAnEventTravelsWithItToTheConsumer() {
    String dossier = UUID.randomUUID().toString();
    String requestId = "req-" + UUID.randomUUID();
    String traceparent = Correlation.traceparent(null);

    Correlation.enter(requestId, traceparent);
    try {
      commands.sendAndWait(new TestApplication.Shout(dossier, "traced"));
    } finally {
      Correlation.leave();
    }

    awaitApplied(dossier, "traced");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT request_id FROM traced WHERE value = 'traced'", String.class))
                    .containsExactly(requestId));
    assertThat(
            jdbc.queryForObject(
                "SELECT request_id FROM applied WHERE dossier_id = ?", String.class, dossier))
        .isEqualTo(requestId);
    try (var topic = new TopicReader(TestApplication.TOPIC)) {
      var record =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> topic.readAll().stream().filter(r -> dossier.equals(r.key())).findFirst(),
                  java.util.Optional::isPresent)
              .orElseThrow();
      assertThat(header(record, "x-request-id")).isEqualTo(requestId);
      assertThat(header(record, "traceparent")).isEqualTo(traceparent);
    }
  }

  @Test
  void aPoisonEventIsDeadLetteredItsDossierParkedAndOthersFlow() {
    String poisoned = UUID.randomUUID().toString();
    String healthy = UUID.randomUUID().toString();
    TestApplication.POISON.add("bad");

    store(poisoned, "ok", "bad", "later-1", "later-2");
    store(healthy, "x", "y");

    awaitApplied(healthy, "x", "y");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lettersOf(poisoned))
                    .extracting(DeadLetter::status)
                    .containsExactly(DeadLetter.FAILED, DeadLetter.PARKED, DeadLetter.PARKED));
    assertThat(applied(poisoned)).containsExactly("ok");
    DeadLetter failed = lettersOf(poisoned).get(0);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.error()).contains("cannot apply bad");

    var stillFailing = operations.retry(failed.id());
    assertThat(stillFailing.applied()).isFalse();
    assertThat(applied(poisoned)).containsExactly("ok");

    TestApplication.POISON.clear();
    var fixed = operations.retry(failed.id());

    assertThat(fixed.applied()).isTrue();
    assertThat(fixed.released()).isEqualTo(2);
    assertThat(applied(poisoned)).containsExactly("ok", "bad", "later-1", "later-2");
    assertThat(lettersOf(poisoned)).isEmpty();
  }

  @Test
  void aDiscardedLetterReleasesTheEventsParkedBehindIt() {
    String dossier = UUID.randomUUID().toString();
    TestApplication.POISON.add("discard-me");

    store(dossier, "discard-me", "kept");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(lettersOf(dossier)).hasSize(2));

    var result = operations.discard(lettersOf(dossier).get(0).id());

    assertThat(result.released()).isEqualTo(1);
    assertThat(applied(dossier)).containsExactly("kept");
  }

  private static String header(
      org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
    return new String(
        record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private double duplicates() {
    var counter =
        meters
            .find("passerelle.eventbus.consumed")
            .tag("consumer", TestApplication.CONSUMER)
            .tag("outcome", "duplicate")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private void store(String dossier, String... values) {
    for (String value : values) {
      eventStore.publish(GenericEventMessage.asEventMessage(new Happened(dossier, value)));
    }
  }

  private void awaitApplied(String dossier, String... values) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(applied(dossier)).containsExactly(values));
  }

  private List<String> applied(String dossier) {
    return jdbc.queryForList(
        "SELECT value FROM applied WHERE dossier_id = ? ORDER BY id", String.class, dossier);
  }

  private List<DeadLetter> lettersOf(String dossier) {
    return deadLetters.list(TestApplication.CONSUMER, null).stream()
        .filter(letter -> letter.subject().equals(dossier))
        .toList();
  }
}
