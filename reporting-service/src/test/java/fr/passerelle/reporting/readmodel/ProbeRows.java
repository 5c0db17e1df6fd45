package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.consume.EventConsumer;
import org.springframework.context.annotation.Bean;

/**
 * A projection added to a test instance of reporting-service (as a source of its application), on a
 * topic of its own: it adds each probe's value as a row through {@link ReadModelRows}, into a table
 * whose value may not be null; the value {@link #NO_VALUE} adds a null, a row that cannot be
 * written, as a projection with a bug would.
 */
class ProbeRows {

  static final String TOPIC = "reporting-rows-test.events";
  static final String TYPE = "passerelle.test.probe-row.v1";
  static final String CONSUMER = "probe-rows";
  static final String NO_VALUE = "no-value";
  static final String TABLE =
      "CREATE TABLE IF NOT EXISTS public.probe_row (dossier_id TEXT NOT NULL, value TEXT NOT NULL,"
          + " PRIMARY KEY (dossier_id, value))";

  @Bean
  EventConsumer probeRowsConsumer(ReadModelRows rows) {
    return EventConsumer.named(CONSUMER)
        .topics(TOPIC)
        .on(
            TYPE,
            ProbeConsumer.Probe.class,
            probe ->
                rows.insert(
                    "INSERT INTO public.probe_row (dossier_id, value) VALUES (?, NULLIF(?, ?))"
                        + " ON CONFLICT DO NOTHING",
                    probe.dossierId(),
                    probe.value(),
                    NO_VALUE))
        .build();
  }

  static void send(String dossier, String value) {
    ProbeConsumer.send(TOPIC, TYPE, dossier, value);
  }
}
