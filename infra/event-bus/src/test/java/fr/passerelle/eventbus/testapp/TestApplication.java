package fr.passerelle.eventbus.testapp;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.consume.EventConsumer;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import fr.passerelle.testsupport.TestEvents;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that publishes {@link Happened} events through the outbox and consumes them back
 * through the inbox into the {@code applied} table. A value listed in {@link #POISON} fails to
 * apply, one in {@link #UNMAPPABLE} fails to be mapped, until it is removed, as a bug would until
 * its fix. One in {@link #FATAL} kills the consumer that applies it, once.
 */
@SpringBootApplication
public class TestApplication {

  public static final String TYPE = "passerelle.test.happened.v1";
  public static final String TOPIC = "test.events";
  public static final String CONSUMER = "applied-values";
  public static final Set<String> POISON = ConcurrentHashMap.newKeySet();

  /** Values the mapper cannot turn into an integration event, as a mapping bug would. */
  public static final Set<String> UNMAPPABLE = ConcurrentHashMap.newKeySet();

  /**
   * Values, each named {@code <application>/<value>}, that the consumer of that application applies
   * and then fails on with an {@link Error}, once its transaction has committed and before the
   * record's offset is: as if the service ran out of memory at that moment. Each fails once.
   */
  public static final Set<String> FATAL = ConcurrentHashMap.newKeySet();

  /**
   * For a value starting with {@code commit-}: whether the transaction that handled it waits for
   * the disk at its commit ({@code synchronous_commit}), keyed {@code <who>/<value>}: the command
   * handler's, the outbox's and a tracking processor's.
   */
  public static final Map<String, String> COMMITS = new ConcurrentHashMap<>();

  private static void recordCommit(JdbcTemplate jdbc, String who, String value) {
    if (value.startsWith("commit-")) {
      COMMITS.put(who + "/" + value, jdbc.queryForObject("SHOW synchronous_commit", String.class));
    }
  }

  /** The internal event, and its published data (the same shape here). */
  public record Happened(String dossierId, String value) {}

  /**
   * Publishes a {@link Happened} of {@code dossier} straight to the topic, as the outbox of a
   * service on another database would.
   */
  public static void send(String dossier, String value) {
    TestEvents.send(
        TOPIC,
        UUID.randomUUID().toString(),
        TYPE,
        dossier,
        JSON.writeValueAsString(new Happened(dossier, value)));
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A command whose handler publishes {@link Happened}, as an aggregate would. */
  public record Shout(String dossierId, String value) {}

  /** The spans the service ends, read by the tracing test. */
  @Bean
  RecordedSpans recordedSpans() {
    return new RecordedSpans();
  }

  @Bean
  Shouter shouter(JdbcTemplate jdbc) {
    return new Shouter(jdbc);
  }

  @Bean
  TracedHandler tracedHandler(JdbcTemplate jdbc) {
    return new TracedHandler(jdbc);
  }

  /**
   * A tracking event processor's handler: records the request id and trace id its log lines would
   * show.
   */
  @ProcessingGroup("traced")
  public static class TracedHandler {
    private final JdbcTemplate jdbc;

    TracedHandler(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @EventHandler
    public void on(Happened happened) {
      recordCommit(jdbc, "traced", happened.value());
      jdbc.update(
          "INSERT INTO traced (value, request_id, trace_id) VALUES (?, ?, ?)",
          happened.value(),
          MDC.get(Correlation.REQUEST_ID),
          MDC.get("traceId"));
    }
  }

  /** Handles {@link Shout}. */
  public static class Shouter {
    private final JdbcTemplate jdbc;

    Shouter(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @CommandHandler
    public void handle(Shout shout, EventGateway events) {
      recordCommit(jdbc, "command", shout.value());
      events.publish(new Happened(shout.dossierId(), shout.value()));
    }
  }

  @Bean
  IntegrationEventMapper mapper(JdbcTemplate jdbc) {
    return event -> {
      if (!(event instanceof Happened happened)) {
        return Optional.empty();
      }
      recordCommit(jdbc, "outbox", happened.value());
      if (UNMAPPABLE.contains(happened.value())) {
        throw new IllegalStateException("No published form for this value");
      }
      return Optional.of(new IntegrationEvent(TYPE, happened.dossierId(), happened));
    };
  }

  @Bean
  EventConsumer appliedValues(JdbcTemplate jdbc, Environment environment) {
    String application = environment.getRequiredProperty("spring.application.name");
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
                  "INSERT INTO applied (dossier_id, value, request_id, trace_id)"
                      + " VALUES (?, ?, ?, ?)",
                  happened.dossierId(),
                  happened.value(),
                  MDC.get(Correlation.REQUEST_ID),
                  MDC.get("traceId"));
              if (FATAL.remove(application + "/" + happened.value())) {
                TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public void afterCommit() {
                        throw new OutOfMemoryError(
                            "Cannot reserve 1048576 bytes of direct buffer memory (test)");
                      }
                    });
              }
            })
        .build();
  }
}
