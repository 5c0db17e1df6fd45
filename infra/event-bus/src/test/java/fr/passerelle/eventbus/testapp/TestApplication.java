package fr.passerelle.eventbus.testapp;

import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.consume.EventConsumer;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service that publishes {@link Happened} events through the outbox and consumes them back
 * through the inbox into the {@code applied} table. A value listed in {@link #POISON} fails to
 * apply until it is removed, as a bug would until its fix.
 */
@SpringBootApplication
public class TestApplication {

  public static final String TYPE = "passerelle.test.happened.v1";
  public static final String TOPIC = "test.events";
  public static final String CONSUMER = "applied-values";
  public static final Set<String> POISON = ConcurrentHashMap.newKeySet();

  /** The internal event, and its published data (the same shape here). */
  public record Happened(String dossierId, String value) {}

  @Bean
  IntegrationEventMapper mapper() {
    return event ->
        event instanceof Happened happened
            ? Optional.of(new IntegrationEvent(TYPE, happened.dossierId(), happened))
            : Optional.empty();
  }

  @Bean
  EventConsumer appliedValues(JdbcTemplate jdbc) {
    return EventConsumer.named(CONSUMER)
        .topics(TOPIC)
        .on(
            TYPE,
            Happened.class,
            happened -> {
              if (POISON.contains(happened.value())) {
                throw new IllegalStateException("cannot apply " + happened.value());
              }
              jdbc.update(
                  "INSERT INTO applied (dossier_id, value) VALUES (?, ?)",
                  happened.dossierId(),
                  happened.value());
            })
        .build();
  }
}
