package fr.passerelle.reporting.readmodel;

import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.reporting.review.TestReviews;
import fr.passerelle.testsupport.PostgresProcess;
import fr.passerelle.testsupport.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Not a test but a benchmark of reporting-service's consumption: it prints figures and asserts
 * none. PostgreSQL runs with durable commits (fsync and synchronous commit on). It publishes 20,000
 * dossiers by default (60,000 events: a validation, a permit and an AFIS grant each), times a new
 * instance's live consumers catching up with them, then a rebuild of every read model until its
 * switch-over. Run it alone:
 *
 * <pre>
 * ./mvnw -B -o verify -pl reporting-service -am -Dit.test=RebuildBenchmark -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class RebuildBenchmark {

  /** Dossiers to publish ({@code -Dbenchmark.dossiers=N} to change it). */
  private static final int DOSSIERS = Integer.getInteger("benchmark.dossiers", 20_000);

  @Test
  void measure() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    Instant publishing = Instant.now();
    int events = TestReviews.manyValidatedPathways("974", 2050, DOSSIERS);
    Duration published = Duration.between(publishing, Instant.now());

    try (var postgres = PostgresProcess.durable()) {
      Instant starting = Instant.now();
      try (var instance = ReportingInstance.startOn(postgres, "reporting-benchmark")) {
        var consumers = instance.bean(EventConsumers.class);
        await()
            .atMost(Duration.ofMinutes(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> consumers.live().lag() == 0);
        Duration live = Duration.between(starting, Instant.now());

        var generations = instance.bean(ReadModelGenerations.class);
        int before = generations.active().number();
        Instant rebuilding = Instant.now();
        instance.admin().postJson("/admin/read-models/rebuild", "");
        await()
            .atMost(Duration.ofMinutes(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> generations.active().number() != before);
        Duration rebuilt = Duration.between(rebuilding, Instant.now());

        System.out.printf(
            Locale.ROOT,
            """

            ===== reporting benchmark (durable PostgreSQL, %d cores) =====
            %d events published (%d dossiers) in %d ms
            live consumers, from start to caught up: %d ms, %.0f events/s
            rebuild, from request to switch-over: %d ms, %.0f events/s
            ==============================================================
            """,
            Runtime.getRuntime().availableProcessors(),
            events,
            DOSSIERS,
            published.toMillis(),
            live.toMillis(),
            events * 1000.0 / Math.max(1, live.toMillis()),
            rebuilt.toMillis(),
            events * 1000.0 / Math.max(1, rebuilt.toMillis()));
      }
    }
  }
}
