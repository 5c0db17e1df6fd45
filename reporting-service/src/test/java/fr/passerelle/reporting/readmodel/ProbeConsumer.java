package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.consume.EventConsumer;
import fr.passerelle.testsupport.TestEvents;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer added to a test instance of reporting-service, on a topic of its own: it records each
 * probe in its generation, and fails on the values listed in {@link #POISON}, as a projection with
 * a bug would until its fix.
 */
@Configuration(proxyBeanMethods = false)
class ProbeConsumer {

  static final String TOPIC = "reporting-test.events";
  static final String TYPE = "passerelle.test.probe.v1";
  static final Set<String> POISON = ConcurrentHashMap.newKeySet();

  /** The probe's data. */
  record Probe(String dossierId, String value) {}

  @Bean
  EventConsumer probes(JdbcTemplate jdbc) {
    return EventConsumer.named("probes")
        .topics(TOPIC)
        .on(
            TYPE,
            Probe.class,
            probe -> {
              if (POISON.contains(probe.value())) {
                throw new IllegalStateException("cannot apply " + probe.value());
              }
            })
        .build();
  }

  static void send(String dossier, String value) {
    TestEvents.ensureTopic(TOPIC, 3);
    TestEvents.send(
        TOPIC,
        UUID.randomUUID().toString(),
        TYPE,
        dossier,
        "{\"dossierId\":\"%s\",\"value\":\"%s\"}".formatted(dossier, value));
  }
}
