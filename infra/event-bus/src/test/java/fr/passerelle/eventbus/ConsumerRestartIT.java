package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.eventbus.consume.EventConsumersHealthIndicator;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TestHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A consumer whose container stops on an error (here an {@link OutOfMemoryError} once an event is
 * applied, before its offset is committed) makes the service not ready, naming its group, and is
 * started again after the back-off: the event is read again and applied once, the events sent
 * meanwhile are applied, and the service is ready again. A subscription stopped on purpose while
 * its container waits to be started again stays stopped.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=" + ConsumerRestartIT.APPLICATION,
      "passerelle.event-bus.consumer.restart-backoff=3s"
    })
@ContextConfiguration(initializers = PasserelleInfrastructureInitializer.class)
class ConsumerRestartIT {

  static final String APPLICATION = "eventbus-consumer-restart";
  private static final String LIVE_GROUP = APPLICATION + "." + TestApplication.CONSUMER;
  private static final Duration BACKOFF = Duration.ofSeconds(3);

  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired EventConsumers consumers;
  @Autowired EventConsumersHealthIndicator consumersHealth;
  @LocalServerPort int port;

  @AfterEach
  void noFatalValues() {
    TestApplication.FATAL.removeIf(value -> value.startsWith(APPLICATION + "/"));
  }

  @Test
  void aConsumerStoppedByAnErrorIsStartedAgainAndAppliesEachEventOnce() {
    String dossier = UUID.randomUUID().toString();
    TestApplication.send(dossier, "before");
    awaitApplied(dossier, "before");
    double duplicatesBefore = duplicates();

    TestApplication.FATAL.add(APPLICATION + "/fatal");
    TestApplication.send(dossier, "fatal");

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stoppedGroups().contains(LIVE_GROUP));
    assertThat(readiness()).isEqualTo(503);
    TestApplication.send(dossier, "while-stopped");

    awaitApplied(dossier, "before", "fatal", "while-stopped");
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
    assertThat(stoppedGroups()).isEmpty();
    // the record of "fatal" was read again after the restart and recognised by the inbox
    assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(1);
    assertThat(applied(dossier)).containsExactly("before", "fatal", "while-stopped");
  }

  @Test
  void aSubscriptionStoppedOnPurposeIsNotStartedAgain() {
    String suffix = "stopped-" + UUID.randomUUID().toString().substring(0, 8);
    String group = consumers.groups(suffix).get(0);
    TestApplication.send(UUID.randomUUID().toString(), "for-the-subscription");
    AtomicBoolean dies = new AtomicBoolean(true);
    AtomicInteger deliveries = new AtomicInteger();
    EventConsumers.Subscription subscription =
        consumers.subscribe(
            suffix,
            delivery -> {
              deliveries.incrementAndGet();
              if (dies.getAndSet(false)) {
                throw new OutOfMemoryError("Cannot reserve direct buffer memory (test)");
              }
              delivery.run();
            },
            1);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> stoppedGroups().contains(group));
      assertThat(readiness()).isEqualTo(503);

      // as a rebuild dropped while its container waits to be started again
      subscription.stop();

      await().atMost(Duration.ofSeconds(10)).until(() -> readiness() == 200);
      int delivered = deliveries.get();
      await()
          .during(BACKOFF.multipliedBy(2))
          .atMost(BACKOFF.multipliedBy(3))
          .until(() -> deliveries.get() == delivered && stoppedGroups().isEmpty());
    } finally {
      subscription.stop();
      consumers.deleteGroups(suffix, Duration.ofSeconds(30));
    }
  }

  /** The consumer groups the service reports stopped on their own (readiness DOWN). */
  private List<String> stoppedGroups() {
    Object stopped = consumersHealth.health(true).getDetails().get("stopped");
    return stopped == null ? List.of() : List.copyOf(((Map<String, ?>) stopped).keySet());
  }

  private int readiness() {
    return TestHttp.onPort(port).get("/actuator/health/readiness").statusCode();
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

  private void awaitApplied(String dossier, String... values) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(applied(dossier)).containsExactly(values));
  }

  private List<String> applied(String dossier) {
    return jdbc.queryForList(
        "SELECT value FROM applied WHERE dossier_id = ? ORDER BY id", String.class, dossier);
  }
}
