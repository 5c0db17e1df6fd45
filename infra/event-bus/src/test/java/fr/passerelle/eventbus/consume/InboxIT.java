package fr.passerelle.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.eventbus.config.EventBusSchema;
import fr.passerelle.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox against a real PostgreSQL: an event's effect happens once, or not at all. */
class InboxIT {

  private static JdbcTemplate jdbc;
  private static Inbox inbox;

  @BeforeAll
  static void database() {
    var infrastructure = TestInfrastructure.get();
    var dataSource =
        new DriverManagerDataSource(
            infrastructure.jdbcUrl("eventbus_inbox_test"),
            infrastructure.username(),
            infrastructure.password());
    new EventBusSchema(dataSource, false).afterPropertiesSet();
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE IF NOT EXISTS effect (event_id VARCHAR(255))");
    inbox = new Inbox(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
  }

  @Test
  void aRedeliveredEventHasItsEffectOnce() {
    ReceivedEvent event = anEvent();

    boolean first = inbox.handleOnce("projection", event, this::recordEffect);
    boolean second = inbox.handleOnce("projection", event, this::recordEffect);

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(effectsOf(event)).isEqualTo(1);
  }

  @Test
  void eachConsumerAppliesTheSameEventOnce() {
    ReceivedEvent event = anEvent();

    inbox.handleOnce("projection-a", event, this::recordEffect);
    inbox.handleOnce("projection-b", event, this::recordEffect);

    assertThat(effectsOf(event)).isEqualTo(2);
  }

  @Test
  void aFailedEffectLeavesNoTraceSoTheRetryApplies() {
    ReceivedEvent event = anEvent();

    assertThatThrownBy(
            () ->
                inbox.handleOnce(
                    "projection",
                    event,
                    e -> {
                      recordEffect(e);
                      throw new IllegalStateException("projection failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(effectsOf(event)).isZero();

    assertThat(inbox.handleOnce("projection", event, this::recordEffect)).isTrue();
    assertThat(effectsOf(event)).isEqualTo(1);
  }

  private void recordEffect(ReceivedEvent event) {
    jdbc.update("INSERT INTO effect (event_id) VALUES (?)", event.id());
  }

  private long effectsOf(ReceivedEvent event) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM effect WHERE event_id = ?", Long.class, event.id());
  }

  private static ReceivedEvent anEvent() {
    String dossierId = UUID.randomUUID().toString();
    return new ReceivedEvent(
        UUID.randomUUID().toString(),
        "passerelle.test.something-happened.v1",
        "/passerelle/test",
        Instant.now(),
        dossierId,
        "{}",
        "test.events",
        0,
        0L);
  }
}
