package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.DeadLetters;
import fr.passerelle.eventbus.consume.EventConsumersHealthIndicator;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PostgresProcess;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database fails a consumer, longer than its attempts at a poison event would last: the events
 * are retried until it is back, none is dead-lettered, and the service says it is not ready
 * meanwhile. The PostgreSQL server here is a process of its own, so that it can really be stopped.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

  private static final PostgresProcess POSTGRES = PostgresProcess.start();
  private static final String DATABASE = "eventbus_outage_db";

  @Autowired JdbcTemplate jdbc;
  @Autowired DeadLetters deadLetters;
  @Autowired MeterRegistry meters;
  @Autowired EventConsumersHealthIndicator consumersHealth;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.application.name", () -> "eventbus-database-outage");
    registry.add("spring.datasource.url", () -> POSTGRES.jdbcUrl(DATABASE));
    registry.add("spring.datasource.username", POSTGRES::username);
    registry.add("spring.datasource.password", POSTGRES::password);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
    registry.add("passerelle.security.jwt.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "passerelle.security.jwt.public-key", () -> TestTokens.publicKeyPem().toUri().toString());
    // A statement that waits on a lock more than this is cancelled (SQL state 57014), as a
    // production statement timeout would; a missing server is noticed within a second.
    registry.add(
        "spring.datasource.hikari.connection-init-sql", () -> "SET statement_timeout = '500ms'");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    registry.add("passerelle.event-bus.consumer.max-backoff", () -> "1s");
  }

  @AfterAll
  static void stopPostgres() {
    POSTGRES.close();
  }

  @Test
  void writesThatTimeOutAreRetriedUntilTheyGoThroughAndNeverDeadLettered() throws Exception {
    String dossier = UUID.randomUUID().toString();
    try (Connection holder =
        DriverManager.getConnection(
            POSTGRES.jdbcUrl(DATABASE), POSTGRES.username(), POSTGRES.password())) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE applied IN ACCESS EXCLUSIVE MODE");
      double failuresBefore = infrastructureFailures();

      send(dossier, "locked-1", "locked-2");

      // more failed attempts than a poison event gets before its dead letter (2 here)
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> infrastructureFailures() - failuresBefore >= 4);
      assertThat(consumersHealth.health(false).getStatus()).isEqualTo(Status.DOWN);
      assertThat(readiness()).isEqualTo(503);
      assertThat(deadLetters.list(TestApplication.CONSUMER, null)).isEmpty();
      try (var rows =
          holder
              .createStatement()
              .executeQuery("SELECT count(*) FROM applied WHERE dossier_id = '" + dossier + "'")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
      holder.rollback();
    }

    awaitApplied(dossier, "locked-1", "locked-2");
    assertThat(deadLetters.list(TestApplication.CONSUMER, null)).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
  }

  @Test
  void eventsReceivedWhilePostgresIsDownAreAppliedInOrderOnceItIsBack() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    send(first, "before-outage");
    awaitApplied(first, "before-outage");
    double failuresBefore = infrastructureFailures();

    POSTGRES.stop();
    try {
      send(first, "during-1", "during-2");
      send(second, "during-a");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> infrastructureFailures() - failuresBefore >= 4);
      assertThat(consumersHealth.health(false).getStatus()).isEqualTo(Status.DOWN);
      assertThat(readiness()).isEqualTo(503);
    } finally {
      POSTGRES.restart();
    }

    awaitApplied(first, "before-outage", "during-1", "during-2");
    awaitApplied(second, "during-a");
    assertThat(deadLetters.list(TestApplication.CONSUMER, null)).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
  }

  private int readiness() {
    return TestHttp.onPort(port).get("/actuator/health/readiness").statusCode();
  }

  private double infrastructureFailures() {
    var counter =
        meters
            .find("passerelle.eventbus.consumer.infrastructure-failures")
            .tag("consumer", TestApplication.CONSUMER)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** Publishes straight to the topic, as the outbox of a service on another database would. */
  private static void send(String dossier, String... values) {
    for (String value : values) {
      TestApplication.send(dossier, value);
    }
  }

  private void awaitApplied(String dossier, String... values) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(applied(dossier)).containsExactly(values));
  }

  private List<String> applied(String dossier) {
    return jdbc.queryForList(
        "SELECT value FROM applied WHERE dossier_id = ? ORDER BY id", String.class, dossier);
  }
}
