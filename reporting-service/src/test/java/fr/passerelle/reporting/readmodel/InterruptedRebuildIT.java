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
 * A rebuild interrupted by a restart is known after it, from the database: no second rebuild can
 * start, and an operator resumes it (it switches over) or abandons it (its generation and consumer
 * groups are dropped). The first instance here never checks its rebuild's progress, so that the
 * restart always finds it unfinished.
 */
class InterruptedRebuildIT {

  private static final String NEVER_CHECKS = "passerelle.read-models.rebuild.check-every=1h";

  @BeforeAll
  static void publishedFacts() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    TestReviews.validatedPathways("974", 2041, 4);
  }

  @Test
  void anInterruptedRebuildIsResumedAndSwitchesOverWithItsGroupsDeleted() {
    String name = "reporting-resume";
    String review = "/api/departements/974/reports/review?year=2041";
    int building = interruptedRebuild(name, review);

    try (var restarted = ReportingInstance.start(name)) {
      var admin = restarted.admin();
      assertThat(admin.get("/admin/read-models").body())
          .contains("\"generation\":" + building + ",\"status\":\"INTERRUPTED\"");
      var second = admin.postJson("/admin/read-models/rebuild", "");
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.body()).contains("\"generation\":" + building);
      String liveReview = restarted.staffOf("974").get(review).body();

      var resumed = admin.postJson("/admin/read-models/generations/" + building + "/resume", "");

      assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () ->
                  assertThat(restarted.bean(ReadModelGenerations.class).active().number())
                      .isEqualTo(building));
      assertThat(admin.get("/admin/read-models").body())
          .contains("\"generation\":" + building + ",\"status\":\"SWITCHED\",\"remaining\":0");
      assertThat(restarted.staffOf("974").get(review).body())
          .isEqualTo(liveReview)
          .contains("\"validated\":4");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(ReportingInstance.rebuildGroups(name, building)).isEmpty());
    }
  }

  @Test
  void anInterruptedRebuildIsAbandonedItsGenerationAndGroupsDropped() {
    String name = "reporting-abandon";
    int building = interruptedRebuild(name, "/api/departements/974/reports/review?year=2041");

    try (var restarted = ReportingInstance.start(name)) {
      var admin = restarted.admin();
      String schema = "readmodel_g" + building;

      var dropped = admin.delete("/admin/read-models/generations/" + building);

      assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(204);
      assertThat(restarted.bean(ReadModelGenerations.class).find(building)).isEmpty();
      assertThat(
              restarted
                  .jdbc()
                  .queryForObject(
                      "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?",
                      Long.class,
                      schema))
          .isZero();
      assertThat(ReportingInstance.rebuildGroups(name, building)).isEmpty();
      assertThat(admin.get("/admin/read-models").body())
          .contains("\"generation\":" + building + ",\"status\":\"ABANDONED\"");
      int active = restarted.bean(ReadModelGenerations.class).active().number();
      assertThat(admin.delete("/admin/read-models/generations/" + active).statusCode())
          .isEqualTo(409);
      assertThat(admin.delete("/admin/read-models/generations/" + building).statusCode())
          .isEqualTo(404);
      // a new rebuild can start
      assertThat(admin.postJson("/admin/read-models/rebuild", "").statusCode()).isEqualTo(202);
    }
  }

  /**
   * Starts a rebuild in an instance that never checks its progress, waits until its consumer groups
   * have read something, and stops the instance: the rebuild's generation is left BUILDING.
   */
  private static int interruptedRebuild(String name, String review) {
    try (var first = ReportingInstance.start(name, NEVER_CHECKS)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(first.staffOf("974").get(review).body()).contains("\"validated\":4"));
      var started = first.admin().postJson("/admin/read-models/rebuild", "");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      int building = first.bean(ReadModelRebuild.class).progress().orElseThrow().generation();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(ReportingInstance.rebuildGroups(name, building)).isNotEmpty());
      return building;
    }
  }
}
