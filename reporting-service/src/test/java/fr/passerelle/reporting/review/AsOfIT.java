package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.afisGranted;
import static fr.passerelle.reporting.review.ProducedEvents.employment;
import static fr.passerelle.reporting.review.ProducedEvents.permit;
import static fr.passerelle.reporting.review.ProducedEvents.refused;
import static fr.passerelle.reporting.review.ProducedEvents.validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.review.ProducedEvents.Produced;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domain time and knowledge time apart: a year entered, its review taken, then late corrections
 * about that same year (a decision entered late, a refusal superseding a validation, a job and a
 * permit recorded late). The review as known at the first instant is what it was; the current one
 * counts the corrections. Ariège's 2036 belongs to this test alone.
 */
@ServiceIntegrationTest
class AsOfIT {

  private static final String ARIEGE = "09";
  private static final int YEAR = 2036;
  private static final Duration PROJECTED = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @BeforeAll
  static void topicsExist() {
    fr.passerelle.testsupport.TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    fr.passerelle.testsupport.TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    fr.passerelle.testsupport.TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }

  @Test
  void aReviewAsKnownAtAnInstantIgnoresWhatWasEnteredLaterAboutTheSameYear() {
    String first = aDossierId();
    String second = aDossierId();
    String third = aDossierId();
    List.of(
            validated(first, ARIEGE, "NG", true, day(3, 10)),
            permit(first, ARIEGE, day(4, 1)),
            afisGranted(first, ARIEGE, 33_000, day(4, 1)),
            validated(second, ARIEGE, "NG", true, day(5, 12)),
            refused(third, ARIEGE, "RO", false, day(6, 9)))
        .forEach(Produced::send);
    // every fact of the year is in (their topics deliver them in any order)
    JsonNode asEntered =
        awaitReview(
            review ->
                review.get("validated").asLong() == 2
                    && review.get("refused").asLong() == 1
                    && review.get("permitsIssued").asLong() == 1
                    && review.get("afisRecipients").asLong() == 1);
    Instant known = Instant.now();

    // Late corrections, all about the same year: a validation entered months later, the second
    // dossier's validation superseded by a refusal, a job and a permit recorded late.
    String late = aDossierId();
    List.of(
            validated(late, ARIEGE, "CM", false, day(2, 2)),
            refused(second, ARIEGE, "NG", true, day(11, 20)),
            employment(first, ARIEGE, ContractType.CDI, day(9, 1)),
            permit(late, ARIEGE, day(3, 1)))
        .forEach(Produced::send);
    JsonNode corrected =
        awaitReview(
            review ->
                review.get("validated").asLong() == 2
                    && review.get("refused").asLong() == 2
                    && review.get("beneficiariesInEmployment").asLong() == 1
                    && review.get("permitsIssued").asLong() == 2);
    assertThat(corrected.get("validatedByNationality").toString()).isEqualTo("{\"CM\":1,\"NG\":1}");

    JsonNode asKnown = review("&asOf=" + known);
    assertThat(asKnown.get("asOf").asString()).isEqualTo(known.toString());
    assertThat(withoutAsOf(asKnown)).isEqualTo(withoutAsOf(asEntered));
    assertThat(withoutAsOf(review("&asOf=" + Instant.now()))).isEqualTo(withoutAsOf(corrected));
    HttpResponse<String> csv =
        http().get("/api/departements/09/reports/review.csv?year=2036&asOf=" + known);
    assertThat(csv.body()).contains("Données connues au;" + known, "Parcours refusés;1\r\n");
  }

  @Test
  void anAsOfInTheFutureOrBeforeThePlatformRecordedAnythingIsRefusedAndNamed() {
    for (String asOf :
        List.of(Instant.now().plusSeconds(3_600).toString(), "2001-01-01T00:00:00Z")) {
      HttpResponse<String> response =
          TestHttp.onPort(port)
              .as(TestTokens.staff("ANALYST", "*"))
              .get("/api/reports/national?year=2036&asOf=" + asOf);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
          .containsExactly("asOf");
    }
  }

  private JsonNode awaitReview(java.util.function.Predicate<JsonNode> expected) {
    return await().atMost(PROJECTED).until(() -> review(""), expected);
  }

  private JsonNode review(String asOf) {
    HttpResponse<String> response =
        http().get("/api/departements/" + ARIEGE + "/reports/review?year=" + YEAR + asOf);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode withoutAsOf(JsonNode review) {
    ObjectNode copy = (ObjectNode) review.deepCopy();
    copy.remove("asOf");
    return copy;
  }

  private TestHttp http() {
    return TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", ARIEGE, "*"));
  }

  private static LocalDate day(int month, int day) {
    return LocalDate.of(YEAR, month, day);
  }
}
