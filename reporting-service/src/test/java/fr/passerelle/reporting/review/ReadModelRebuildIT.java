package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.readmodel.ReadModelGenerations;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild from offset 0 fills a new generation of the read models while the live one serves,
 * switches over when caught up, and yields the same rows as the live read model.
 */
@ServiceIntegrationTest
class ReadModelRebuildIT {

  private static final String REVIEW = "/api/departements/973/reports/review?year=2034";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReadModelGenerations generations;

  @BeforeAll
  static void guyaneIn2034IsPublished() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    for (int i = 0; i < 5; i++) {
      String dossier = aDossierId();
      LocalDate decided = LocalDate.of(2034, 3, 1 + i);
      ProducedEvents.validated(dossier, "973", "MG", true, decided).send();
      ProducedEvents.permit(dossier, "973", decided.plusMonths(1)).send();
      ProducedEvents.afisGranted(dossier, "973", 33_000, decided.plusMonths(1)).send();
      if (i < 2) {
        ProducedEvents.employment(dossier, "973", ContractType.CDI, decided.plusMonths(3)).send();
      }
      if (i == 0) {
        // rights over time: a payment, a housing step, a refusal for two conditions
        ProducedEvents.afisPaid(
                dossier, "973", YearMonth.of(2034, 5), 33_000, decided.plusMonths(2))
            .send();
        ProducedEvents.housingStep(dossier, "973", HousingStep.SOCIAL_HOUSING, decided).send();
        ProducedEvents.afisRefused(
                aDossierId(),
                "973",
                decided,
                List.of(AfisRefusalReason.UNDER_18, AfisRefusalReason.RECEIVES_ADA))
            .send();
      }
    }
    ProducedEvents.refused(aDossierId(), "973", "KM", false, LocalDate.of(2034, 4, 2)).send();
  }

  @Test
  void aRebuildYieldsTheLiveReadModelRowForRowAndSwitchesOverWithoutDowntime() {
    // An operator (the admin endpoints need ADMIN) who is also préfecture staff, to read the
    // département's exact figures: an ADMIN alone reads them with small cells withheld.
    TestHttp http =
        TestHttp.onPort(port)
            .as(TestTokens.token("operator", List.of("ADMIN", "PREFECTURE"), List.of("*")));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(http.get(REVIEW).body())
                    .contains(
                        "\"validated\":5",
                        "\"refused\":1",
                        "\"permitsIssued\":5",
                        "\"afisRecipients\":5",
                        "\"beneficiariesOnCdi\":2",
                        "\"afisRecipientsPaid\":1",
                        "\"beneficiariesWithHousing\":1"));
    String liveReview = http.get(REVIEW).body();
    String liveSchema = generations.active().schema();

    var started = http.postJson("/admin/read-models/rebuild", "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(http.postJson("/admin/read-models/rebuild", "").statusCode()).isEqualTo(409);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              // readers are served all along
              assertThat(http.get(REVIEW).body()).isEqualTo(liveReview);
              assertThat(http.get("/admin/read-models").body())
                  .contains("\"status\":\"SWITCHED\",\"remaining\":0");
            });
    String rebuiltSchema = generations.active().schema();

    assertThat(rebuiltSchema).isNotEqualTo(liveSchema);
    assertThat(generations.tables(rebuiltSchema))
        .containsExactlyElementsOf(generations.tables(liveSchema))
        .contains(
            "pathway_decision",
            "residence_permit",
            "afis_grant",
            "employment",
            "submitted_dossier",
            "afis_payment",
            "housing_step");
    for (String table : generations.tables(liveSchema)) {
      assertThat(rowsOf(rebuiltSchema, table)).as(table).isEqualTo(rowsOf(liveSchema, table));
      assertThat(differences(liveSchema, rebuiltSchema, table)).as(table).isZero();
    }
    assertThat(rowsOf(rebuiltSchema, "pathway_decision")).isGreaterThanOrEqualTo(6);
    assertThat(rowsOf(rebuiltSchema, "afis_payment")).isGreaterThanOrEqualTo(1);
    assertThat(rowsOf(rebuiltSchema, "afis_refusal")).isGreaterThanOrEqualTo(1);
    assertThat(http.get(REVIEW).body()).isEqualTo(liveReview);

    ProducedEvents.validated(aDossierId(), "973", "MG", true, LocalDate.of(2034, 6, 1)).send();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(http.get(REVIEW).body()).contains("\"validated\":6"));

    assertThat(
            http.delete("/admin/read-models/generations/" + generationOf(liveSchema)).statusCode())
        .isEqualTo(204);
    assertThat(generations.all())
        .extracting(ReadModelGenerations.Generation::schema)
        .doesNotContain(liveSchema);
  }

  private long rowsOf(String schema, String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + schema + "." + table, Long.class);
  }

  /** Rows in one schema's table and not in the other's, both ways. */
  private long differences(String one, String other, String table) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ((SELECT * FROM %1$s.%3$s EXCEPT ALL SELECT * FROM %2$s.%3$s)"
                .formatted(one, other, table)
            + " UNION ALL (SELECT * FROM %2$s.%3$s EXCEPT ALL SELECT * FROM %1$s.%3$s)) d"
                .formatted(one, other, table),
        Long.class);
  }

  private static int generationOf(String schema) {
    return Integer.parseInt(schema.substring("readmodel_g".length()));
  }
}
