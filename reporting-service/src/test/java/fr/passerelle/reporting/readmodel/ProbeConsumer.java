package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.consume.EventConsumer;
import fr.passerelle.testsupport.TestEvents;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;

/**
 * A consumer added to a test instance of reporting-service (as a source of its application, not
 * found by component scanning), on a topic of its own: it applies probes, and fails on the values
 * listed in {@link #POISON}, as a projection with a bug would until its fix.
 */
class ProbeConsumer {

  static final String TOPIC = "reporting-test.events";
  static final String TYPE = "passerelle.test.probe.v1";
  static final Set<String> POISON = ConcurrentHashMap.newKeySet();

  /** The probe's data. */
  record Probe(String dossierId, String value) {}

  @Bean
  EventConsumer probes() {
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
    send(TOPIC, TYPE, dossier, value);
  }

  /** Sends a {@link Probe} of {@code type} on {@code topic}. */
  static void send(String topic, String type, String dossier, String value) {
    TestEvents.send(
        topic,
        UUID.randomUUID().toString(),
        type,
        dossier,
        "{\"dossierId\":\"%s\",\"value\":\"%s\"}".formatted(dossier, value));
  }
}
