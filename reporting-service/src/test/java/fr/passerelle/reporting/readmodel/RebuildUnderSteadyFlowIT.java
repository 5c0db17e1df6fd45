package fr.passerelle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.review.TestReviews;
import fr.passerelle.testsupport.TestEvents;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rebuild switches over while facts arrive without a pause, as they do in a busy month: its
 * consumers keep pace with the flow, so it is caught up, although at no moment has every published
 * record been read. The switch-over waits for what was published until it began, and the live
 * consumers apply the rest to the new generation: every fact ends there, once.
 */
class RebuildUnderSteadyFlowIT {

  private static final String NAME = "reporting-steady-flow";
  private static final String DEPARTEMENT = "976";
  private static final int YEAR = 2044;

  @BeforeAll
  static void topicsExist() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }

  @Test
  void aRebuildSwitchesOverWhileFactsNeverStopArriving() {
    try (var instance = ReportingInstance.start(NAME)) {
      ReadModelGenerations generations = instance.bean(ReadModelGenerations.class);
      int total;
      try (var flow = TestReviews.steadyFlow(DEPARTEMENT, YEAR)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.sent() >= 50);
        var started = instance.admin().postJson("/admin/read-models/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        int target = instance.bean(ReadModelRebuild.class).progress().orElseThrow().generation();

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> generations.active().number() == target);
        assertThat(instance.bean(ReadModelRebuild.class).progress().orElseThrow().status())
            .isEqualTo("SWITCHED");
        // the flow carried on all along, and goes on after the switch-over
        int atSwitch = flow.sent();
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.sent() >= atSwitch + 50);
        flow.close();
        total = flow.sent();
      }

      String schema = generations.active().schema();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          instance
                              .jdbc()
                              .queryForObject(
                                  ("SELECT count(*) FROM %s.pathway_decision"
                                          + " WHERE department_code = ?"
                                          + " AND EXTRACT(YEAR FROM decided_on) = ?")
                                      .formatted(schema),
                                  Long.class,
                                  DEPARTEMENT,
                                  YEAR))
                      .isEqualTo(total));
    }
  }
}
