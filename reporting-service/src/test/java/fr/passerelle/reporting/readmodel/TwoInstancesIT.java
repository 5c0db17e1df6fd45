package fr.passerelle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.review.TestReviews;
import fr.passerelle.testsupport.TestEvents;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of reporting-service on one database and one set of consumer groups, as a
 * deployment scaled out: they share the partitions, agree on the active generation, refuse a second
 * rebuild, and through a rebuild and its switch-over, with facts arriving all along, both serve
 * figures that never go backwards and end with every fact, once.
 */
class TwoInstancesIT {

  private static final String NAME = "reporting-pair";
  private static final String DEPARTEMENT = "974";
  private static final int YEAR = 2043;
  private static final String REVIEW =
      "/api/departements/" + DEPARTEMENT + "/reports/review?year=" + YEAR;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void topicsExist() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }

  @Test
  void bothInstancesStayCorrectThroughARebuildWhileFactsKeepArriving() throws Exception {
    try (var a = ReportingInstance.start(NAME);
        var b = ReportingInstance.start(NAME)) {
      TestReviews.validatedPathways(DEPARTEMENT, YEAR, 5);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(validated(a)).isEqualTo(5);
                assertThat(validated(b)).isEqualTo(5);
              });
      AtomicInteger sent = new AtomicInteger(5);
      AtomicBoolean flowing = new AtomicBoolean(true);
      CompletableFuture<Void> flow =
          CompletableFuture.runAsync(
              () -> {
                while (flowing.get()) {
                  TestReviews.validatedPathways(DEPARTEMENT, YEAR, 1);
                  sent.incrementAndGet();
                }
              });
      try {
        var started = a.admin().postJson("/admin/read-models/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        int target = a.bean(ReadModelRebuild.class).progress().orElseThrow().generation();
        assertThat(b.admin().postJson("/admin/read-models/rebuild", "").statusCode())
            .isEqualTo(409);
        assertThat(b.admin().get("/admin/read-models").body())
            .contains("\"generation\":" + target + ",\"status\":\"BUILDING\"");

        int[] seen = {validated(a), validated(b)};
        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  int byA = validated(a);
                  int byB = validated(b);
                  // readers are served all along, and never see figures go backwards
                  assertThat(byA).isGreaterThanOrEqualTo(seen[0]);
                  assertThat(byB).isGreaterThanOrEqualTo(seen[1]);
                  seen[0] = byA;
                  seen[1] = byB;
                  assertThat(b.bean(ReadModelGenerations.class).active().number())
                      .isEqualTo(target);
                });
        int atSwitch = sent.get();
        // facts keep arriving after the switch, applied by both instances' live consumers
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= atSwitch + 5);
      } finally {
        flowing.set(false);
        flow.get();
      }

      int total = sent.get();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(validated(a)).isEqualTo(total);
                assertThat(validated(b)).isEqualTo(total);
              });
      String schema = a.bean(ReadModelGenerations.class).active().schema();
      assertThat(
              a.jdbc()
                  .queryForObject(
                      ("SELECT count(*) FROM %s.pathway_decision WHERE department_code = ?"
                              + " AND EXTRACT(YEAR FROM decided_on) = ?")
                          .formatted(schema),
                      Long.class,
                      DEPARTEMENT,
                      YEAR))
          .isEqualTo(total);
    }
  }

  private static int validated(ReportingInstance instance) {
    return JSON.readTree(instance.staffOf(DEPARTEMENT).get(REVIEW).body()).get("validated").asInt();
  }
}
