package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.afisGranted;
import static fr.passerelle.reporting.review.ProducedEvents.afisPaid;
import static fr.passerelle.reporting.review.ProducedEvents.employment;
import static fr.passerelle.reporting.review.ProducedEvents.employmentEnded;
import static fr.passerelle.reporting.review.ProducedEvents.ended;
import static fr.passerelle.reporting.review.ProducedEvents.training;
import static fr.passerelle.reporting.review.ProducedEvents.validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.reporting.review.ProducedEvents.Produced;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A département's figures month by month, in the Lot (46), whose 2046 belongs to this test:
 *
 * <ul>
 *   <li>P: validated on 10 January, its pathway runs from 1 February to 31 July; a CDI from 15
 *       February that runs on, a training (not a job); AFIS paid for February to April;
 *   <li>Q: validated on 20 January, its pathway ended on 15 April; a CDD from 1 March ended on 30
 *       April and a temporary job from 10 March planned to 31 May; AFIS paid for February and March
 *       (March's paid in April).
 * </ul>
 */
@ServiceIntegrationTest
class SeriesIT {

  private static final String LOT = "46";
  private static final Duration PROJECTED = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long SINGLE = 34_320;
  private static final int ELEVEN = 11;
  private static final String SERIES = "/api/departements/46/reports/series";

  @LocalServerPort int port;

  @BeforeAll
  static void lotsYear() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    String p = aDossierId();
    String q = aDossierId();
    String qJob = aDossierId();
    List<Produced> events =
        new ArrayList<>(
            List.of(
                validated(p, LOT, "NG", true, day(2046, 1, 10)),
                employment(p, LOT, aDossierId(), ContractType.CDI, day(2046, 2, 15), null),
                training(p, LOT, day(2046, 2, 1), null),
                afisGranted(p, LOT, SINGLE, day(2046, 2, 1)),
                validated(q, LOT, "CM", false, day(2046, 1, 20)),
                ended(
                    q, LOT, EndReason.COMMITMENTS_NOT_KEPT, day(2046, 4, 15), day(2046, 4, 10), 1),
                employment(q, LOT, qJob, ContractType.CDD, day(2046, 3, 1), null),
                employmentEnded(q, LOT, qJob, day(2046, 4, 30)),
                employment(
                    q,
                    LOT,
                    aDossierId(),
                    ContractType.TEMPORARY,
                    day(2046, 3, 10),
                    day(2046, 5, 31)),
                afisGranted(q, LOT, SINGLE, day(2046, 2, 1)),
                afisPaid(q, LOT, YearMonth.of(2046, 2), SINGLE, day(2046, 2, 26)),
                afisPaid(q, LOT, YearMonth.of(2046, 3), SINGLE, day(2046, 4, 2))));
    for (int month = 2; month <= 4; month++) {
      YearMonth paid = YearMonth.of(2046, month);
      events.add(afisPaid(p, LOT, paid, SINGLE, paid.atEndOfMonth().minusDays(2)));
    }
    // 2047: eleven people paid for January and February, one other for March alone
    for (int i = 0; i <= ELEVEN; i++) {
      String dossier = aDossierId();
      events.add(validated(dossier, LOT, "NG", true, day(2047, 1, 5)));
      for (int month : i < ELEVEN ? List.of(1, 2) : List.of(3)) {
        YearMonth paid = YearMonth.of(2047, month);
        events.add(afisPaid(dossier, LOT, paid, SINGLE, paid.atEndOfMonth().minusDays(2)));
      }
    }
    events.forEach(Produced::send);
  }

  @Test
  void eachMonthCountsPathwaysJobsAndPaymentsAtItsEnd() {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> assertLotsYear(json(staff().get(SERIES + "?from=2046-01&to=2046-08"))));
    JsonNode series = json(staff().get(SERIES + "?from=2046-01&to=2046-08"));
    assertLotsYear(series);

    // a month's figures are those of the review of that month alone
    JsonNode april =
        json(staff().get("/api/departements/46/reports/review?from=2046-04-01&to=2046-04-30"));
    JsonNode aprilInSeries = month(series, "2046-04");
    for (String figure :
        List.of(
            "pathwaysInProgress",
            "beneficiariesInEmployment",
            "afisRecipientsPaid",
            "afisPaidCents")) {
      assertThat(aprilInSeries.get(figure).asLong())
          .as(figure)
          .isEqualTo(april.get(figure).asLong());
    }
    assertThat(aprilInSeries.get("employmentByContractType").get("CDI").asLong())
        .isEqualTo(april.get("beneficiariesOnCdi").asLong());
  }

  private static void assertLotsYear(JsonNode series) {
    assertThat(series.get("from").asString()).isEqualTo("2046-01");
    assertThat(series.get("to").asString()).isEqualTo("2046-08");
    assertThat(series.get("secrecyThreshold").isNull()).isTrue();
    assertThat(series.get("months").findValuesAsString("month"))
        .containsExactly(
            "2046-01", "2046-02", "2046-03", "2046-04", "2046-05", "2046-06", "2046-07", "2046-08");
    // month: in progress, in a job, CDI, CDD, temporary, paid, cents
    assertMonth(series, "2046-01", 0, 0, 0, 0, 0, 0, 0);
    assertMonth(series, "2046-02", 2, 1, 1, 0, 0, 2, 2 * SINGLE);
    // Q in two jobs counts once in a job, under both contracts
    assertMonth(series, "2046-03", 2, 2, 1, 1, 1, 2, 2 * SINGLE);
    // Q's pathway ended on 15 April; its CDD ran to 30 April, the month's last day
    assertMonth(series, "2046-04", 1, 2, 1, 1, 1, 1, SINGLE);
    assertMonth(series, "2046-05", 1, 2, 1, 0, 1, 0, 0);
    assertMonth(series, "2046-06", 1, 1, 1, 0, 0, 0, 0);
    // P's term runs to 31 July, its last day
    assertMonth(series, "2046-07", 1, 1, 1, 0, 0, 0, 0);
    assertMonth(series, "2046-08", 0, 1, 1, 0, 0, 0, 0);
    assertThat(month(series, "2046-03").get("employmentByContractType").toString())
        .isEqualTo(
            "{\"CDI\":1,\"CDD\":1,\"TEMPORARY\":1,\"INTEGRATION_CONTRACT\":0,\"APPRENTICESHIP\":0}");
    assertThat(series.get("withheld").isEmpty()).isTrue();
  }

  @Test
  void outsideTheStaffSmallCountsAreWithheldMonthByMonth() {
    await()
        .atMost(PROJECTED)
        .until(
            () -> json(staff().get(SERIES + "?from=2046-03&to=2046-03")),
            s -> month(s, "2046-03").get("afisPaidCents").asLong() == 2 * SINGLE);

    JsonNode analysed =
        json(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", LOT))
                .get(SERIES + "?from=2046-01&to=2046-03"));

    assertThat(analysed.get("secrecyThreshold").asLong()).isEqualTo(11);
    JsonNode march = month(analysed, "2046-03");
    for (String figure :
        List.of(
            "pathwaysInProgress",
            "beneficiariesInEmployment",
            "afisRecipientsPaid",
            "afisPaidCents")) {
      assertThat(march.get(figure).isNull()).as(figure).isTrue();
    }
    assertThat(march.get("employmentByContractType").get("CDD").isNull()).isTrue();
    // zeros single nobody out
    assertThat(march.get("employmentByContractType").get("APPRENTICESHIP").asLong()).isZero();
    assertThat(month(analysed, "2046-01").get("pathwaysInProgress").asLong()).isZero();
    assertThat(JSON.convertValue(analysed.get("withheld"), List.class))
        .contains(
            "2046-02.pathwaysInProgress",
            "2046-03.afisPaidCents",
            "2046-03.afisRecipientsPaid",
            "2046-03.beneficiariesInEmployment",
            "2046-03.employmentByContractType.CDD",
            "2046-03.pathwaysInProgress")
        .noneMatch(name -> ((String) name).startsWith("2046-01."));
  }

  @Test
  void aMonthsAmountWithheldAloneInItsYearIsWithheldWithAnother() {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(
                        json(staff().get(SERIES + "?from=2047-01&to=2047-03"))
                            .get("months")
                            .findValuesAsString("afisRecipientsPaid"))
                    .containsExactly("11", "11", "1"));
    TestHttp analyst = TestHttp.onPort(port).as(TestTokens.staff("ANALYST", LOT));

    JsonNode quarter = json(analyst.get(SERIES + "?from=2047-01&to=2047-03"));

    // March's amount, paid to one person, is withheld; January's with it, or the year's amount less
    // February's would give it back
    assertThat(month(quarter, "2047-03").get("afisRecipientsPaid").isNull()).isTrue();
    assertThat(month(quarter, "2047-03").get("afisPaidCents").isNull()).isTrue();
    assertThat(month(quarter, "2047-02").get("afisPaidCents").asLong()).isEqualTo(ELEVEN * SINGLE);
    assertThat(month(quarter, "2047-01").get("afisRecipientsPaid").asLong()).isEqualTo(ELEVEN);
    assertThat(month(quarter, "2047-01").get("afisPaidCents").isNull()).isTrue();
    assertThat(JSON.convertValue(quarter.get("withheld"), List.class))
        .contains("2047-01.afisPaidCents", "2047-03.afisPaidCents")
        .doesNotContain("2047-01.afisRecipientsPaid", "2047-02.afisPaidCents");
    // whichever months are asked for
    JsonNode january = json(analyst.get(SERIES + "?from=2047-01&to=2047-01"));
    assertThat(month(january, "2047-01").get("afisPaidCents").isNull()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "from=2046-08&to=2046-01, to",
    "from=2046-1&to=2046-08, from",
    "from=2046-13&to=2046-14, from;to",
    "from=2046-01, to",
    "from=1999-12&to=2000-01, from",
    "from=2040-01&to=2050-01, to",
    "to=2046-01, from"
  })
  void aBadOrReversedRangeIsRefusedWithProblemDetails(String query, String fields) {
    HttpResponse<String> response = staff().get(SERIES + "?" + query);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("title").asString()).isEqualTo("Requête invalide");
    assertThat(problem.get("errors").findValuesAsString("field"))
        .containsExactly(fields.split(";"));
  }

  @Test
  void tenYearsAreTheLongestSeries() {
    JsonNode series = json(staff().get(SERIES + "?from=2037-01&to=2046-12"));

    assertThat(series.get("months").size()).isEqualTo(120);
  }

  private static void assertMonth(
      JsonNode series,
      String month,
      long inProgress,
      long employed,
      long cdi,
      long cdd,
      long temporary,
      long paid,
      long paidCents) {
    JsonNode figures = month(series, month);
    JsonNode contracts = figures.get("employmentByContractType");
    assertThat(
            Map.of(
                "pathwaysInProgress", figures.get("pathwaysInProgress").asLong(),
                "beneficiariesInEmployment", figures.get("beneficiariesInEmployment").asLong(),
                "CDI", contracts.get("CDI").asLong(),
                "CDD", contracts.get("CDD").asLong(),
                "TEMPORARY", contracts.get("TEMPORARY").asLong(),
                "afisRecipientsPaid", figures.get("afisRecipientsPaid").asLong(),
                "afisPaidCents", figures.get("afisPaidCents").asLong()))
        .as(month)
        .isEqualTo(
            Map.of(
                "pathwaysInProgress", inProgress,
                "beneficiariesInEmployment", employed,
                "CDI", cdi,
                "CDD", cdd,
                "TEMPORARY", temporary,
                "afisRecipientsPaid", paid,
                "afisPaidCents", paidCents));
  }

  private static JsonNode month(JsonNode series, String month) {
    for (JsonNode figures : series.get("months")) {
      if (figures.get("month").asString().equals(month)) {
        return figures;
      }
    }
    throw new AssertionError("No month " + month + " in " + series);
  }

  private TestHttp staff() {
    return TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", LOT));
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static LocalDate day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth);
  }
}
