package fr.passerelle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.DeadLetter;
import fr.passerelle.testsupport.TestEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A projection's row that cannot be written fails its transaction at the commit, where {@link
 * ReadModelRows} writes it: the event is retried and dead-lettered as if its statement had failed
 * at once, and the rows of the other events read with it are written.
 */
class PoisonRowIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aRowThatCannotBeWrittenIsDeadLetteredAndTheOthersReadWithItAreWritten() {
    TestEvents.ensureTopic(ProbeRows.TOPIC, 1);
    try (var instance =
        ReportingInstance.start("reporting-rows", new Class<?>[] {ProbeRows.class})) {
      var jdbc = instance.jdbc();
      jdbc.execute(ProbeRows.TABLE);
      String before = UUID.randomUUID().toString();
      String poisoned = UUID.randomUUID().toString();
      String after = UUID.randomUUID().toString();

      ProbeRows.send(before, "written");
      ProbeRows.send(poisoned, ProbeRows.NO_VALUE);
      ProbeRows.send(after, "written too");

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                DeadLetter[] letters =
                    JSON.readValue(
                        instance
                            .admin()
                            .get("/admin/event-bus/dead-letters?consumer=" + ProbeRows.CONSUMER)
                            .body(),
                        DeadLetter[].class);
                assertThat(letters)
                    .extracting(DeadLetter::subject, DeadLetter::status)
                    .containsExactly(tuple(poisoned, DeadLetter.FAILED));
                assertThat(
                        jdbc.queryForList(
                            "SELECT value FROM public.probe_row WHERE dossier_id IN (?, ?, ?)"
                                + " ORDER BY value",
                            String.class,
                            before,
                            poisoned,
                            after))
                    .containsExactly("written", "written too");
              });
    }
  }
}
