package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.ended;
import static fr.passerelle.reporting.review.ProducedEvents.refused;
import static fr.passerelle.reporting.review.ProducedEvents.renewalRefused;
import static fr.passerelle.reporting.review.ProducedEvents.renewalRequested;
import static fr.passerelle.reporting.review.ProducedEvents.renewed;
import static fr.passerelle.reporting.review.ProducedEvents.validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.review.ProducedEvents.Produced;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviews over a pathway's whole life, in the Landes (40) of 2037 and 2038, which belong to this
 * test: one pathway renewed, then refused its second renewal and ended at its term; one ended
 * early; one still running at the end of 2037; one request refused. A renewal is never a new
 * pathway; a pathway is in progress while a term runs and it has not ended.
 */
@ServiceIntegrationTest
class PathwayLifeIT {

  private static final String LANDES = "40";
  private static final Duration PROJECTED = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @BeforeAll
  static void theLandesLivedTwoYears() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    String renewedThenEnded = aDossierId();
    String endedEarly = aDossierId();
    String running = aDossierId();
    List.of(
            validated(renewedThenEnded, LANDES, "NG", true, day(2037, 1, 10)),
            renewalRequested(renewedThenEnded, LANDES, day(2037, 7, 1)),
            renewed(renewedThenEnded, LANDES, 2, day(2037, 7, 15), day(2037, 8, 1)),
            renewalRequested(renewedThenEnded, LANDES, day(2038, 1, 5)),
            renewalRefused(renewedThenEnded, LANDES, 3, day(2038, 1, 20), day(2038, 1, 31)),
            ended(renewedThenEnded, LANDES, EndReason.TERM_REACHED, day(2038, 1, 31), null, 2),
            validated(endedEarly, LANDES, "NG", true, day(2037, 3, 5)),
            ended(
                endedEarly,
                LANDES,
                EndReason.COMMITMENTS_NOT_KEPT,
                day(2037, 6, 30),
                day(2037, 6, 15),
                1),
            validated(running, LANDES, "CM", false, day(2037, 9, 1)),
            refused(aDossierId(), LANDES, "RO", false, day(2037, 5, 5)))
        .forEach(Produced::send);
  }

  @Test
  void aRenewalIsNotANewPathwayAndAnEndedOneIsNotInProgress() {
    JsonNode review = awaitReview("year=2037", r -> r.get("pathwaysEnded").asLong() == 1);

    assertThat(figures(review))
        .containsAllEntriesOf(
            Map.of(
                "dossiersStudied", 4L,
                "validated", 3L,
                "refused", 1L,
                "renewalRequestsRegistered", 1L,
                "pathwaysRenewed", 1L,
                "renewalsRefused", 0L,
                "pathwaysInProgress", 2L,
                "peopleAccompanied", 3L,
                "pathwaysEnded", 1L));
    assertThat(review.get("refusalRatePercent").decimalValue()).isEqualByComparingTo("25.0");
    assertThat(review.get("renewalRefusalRatePercent").decimalValue()).isEqualByComparingTo("0.0");
  }

  @Test
  void theYearAfterCountsTheRenewalRefusedAndTheEndAtTerm() {
    JsonNode review = awaitReview("year=2038", r -> r.get("pathwaysEnded").asLong() == 1);

    assertThat(figures(review))
        .containsAllEntriesOf(
            Map.of(
                "validated", 0L,
                "renewalRequestsRegistered", 1L,
                "pathwaysRenewed", 0L,
                "renewalsRefused", 1L,
                "pathwaysInProgress", 0L,
                "peopleAccompanied", 2L,
                "pathwaysEnded", 1L));
    assertThat(review.get("renewalRefusalRatePercent").decimalValue())
        .isEqualByComparingTo("100.0");
  }

  @Test
  void theCommissionsReviewSinceItsInstallationAndOverAnyPeriod() {
    JsonNode cumulative = awaitReview("to=2038-12-31", r -> r.get("pathwaysEnded").asLong() == 2);

    assertThat(cumulative.get("from").isNull()).isTrue();
    assertThat(cumulative.get("year").isNull()).isTrue();
    assertThat(figures(cumulative))
        .containsAllEntriesOf(
            Map.of(
                "validated", 3L,
                "refused", 1L,
                "renewalRequestsRegistered", 2L,
                "pathwaysRenewed", 1L,
                "renewalsRefused", 1L,
                "peopleAccompanied", 3L,
                "pathwaysEnded", 2L,
                "pathwaysInProgress", 0L));

    JsonNode secondHalf = review("from=2037-07-01&to=2037-12-31");
    assertThat(figures(secondHalf))
        .containsAllEntriesOf(
            Map.of(
                "validated", 1L,
                "refused", 0L,
                "pathwaysRenewed", 1L,
                "peopleAccompanied", 2L,
                "pathwaysInProgress", 2L,
                "pathwaysEnded", 0L));
  }

  private JsonNode awaitReview(String period, java.util.function.Predicate<JsonNode> done) {
    return await().atMost(PROJECTED).until(() -> review(period), done);
  }

  private JsonNode review(String period) {
    HttpResponse<String> response =
        TestHttp.onPort(port)
            .as(TestTokens.staff("SECRETARIAT", LANDES))
            .get("/api/departements/" + LANDES + "/reports/review?" + period);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Map<String, Long> figures(JsonNode review) {
    Map<String, Long> figures = new java.util.HashMap<>();
    review
        .properties()
        .forEach(
            member -> {
              if (member.getValue().isIntegralNumber()) {
                figures.put(member.getKey(), member.getValue().asLong());
              }
            });
    return figures;
  }

  private static LocalDate day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth);
  }
}
