package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.afisEnded;
import static fr.passerelle.reporting.review.ProducedEvents.afisGranted;
import static fr.passerelle.reporting.review.ProducedEvents.afisPaid;
import static fr.passerelle.reporting.review.ProducedEvents.afisRefused;
import static fr.passerelle.reporting.review.ProducedEvents.afisRenewed;
import static fr.passerelle.reporting.review.ProducedEvents.afisSuspended;
import static fr.passerelle.reporting.review.ProducedEvents.employment;
import static fr.passerelle.reporting.review.ProducedEvents.employmentEnded;
import static fr.passerelle.reporting.review.ProducedEvents.ended;
import static fr.passerelle.reporting.review.ProducedEvents.housingStep;
import static fr.passerelle.reporting.review.ProducedEvents.permit;
import static fr.passerelle.reporting.review.ProducedEvents.permitEnded;
import static fr.passerelle.reporting.review.ProducedEvents.permitRenewed;
import static fr.passerelle.reporting.review.ProducedEvents.renewed;
import static fr.passerelle.reporting.review.ProducedEvents.training;
import static fr.passerelle.reporting.review.ProducedEvents.validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.reporting.review.ProducedEvents.Produced;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rights over time in the reviews, in Aveyron (12), whose 2039 and 2040 belong to this test:
 *
 * <ul>
 *   <li>A: permit issued, then renewed with the pathway; AFIS granted then renewed, paid from
 *       February to December (December paid in January 2040) and January 2040; a CDI running at 31
 *       December; emergency shelter, then social housing;
 *   <li>B: pathway ended early on 30 June: permit withdrawn, AFIS ended, paid March to June; a CDD
 *       ended on 30 November, a training ended in September; temporary housing;
 *   <li>C: permit expired on 30 November; AFIS renewed but suspended from December, paid June to
 *       November at the one-child amount; a training running, a temporary job planned to 2040;
 *   <li>D, E: AFIS refused, D for two unmet conditions, E for one (as refusals before 0.3).
 * </ul>
 *
 * <p>The late correction comes last: the figures before it are those of the first tests.
 */
@ServiceIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RightsReviewIT {

  private static final String AVEYRON = "12";
  private static final Duration PROJECTED = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long SINGLE = 34_320;
  private static final long ONE_CHILD = 44_928;

  private static final String A = aDossierId();
  private static final String B = aDossierId();
  private static final String C = aDossierId();
  private static final String C_JOB = aDossierId();

  /** Every figure of 2039 as entered first. */
  private static final Map<String, Long> YEAR_AS_ENTERED =
      Map.ofEntries(
          Map.entry("validated", 5L),
          Map.entry("permitsIssued", 4L),
          Map.entry("permitsRenewed", 1L),
          Map.entry("permitsInForce", 1L),
          Map.entry("afisRecipients", 3L),
          Map.entry("afisRecipientsAtEnd", 1L),
          Map.entry("afisRecipientsPaid", 3L),
          Map.entry("afisPaidCents", 11 * SINGLE + 4 * SINGLE + 6 * ONE_CHILD),
          Map.entry("afisRefusals", 2L),
          Map.entry("beneficiariesInEmployment", 2L),
          Map.entry("beneficiariesOnCdi", 1L),
          Map.entry("beneficiariesInTraining", 1L),
          Map.entry("beneficiariesWithHousing", 2L));

  @LocalServerPort int port;

  @BeforeAll
  static void aveyronsRights() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    List<Produced> events = new ArrayList<>();
    // A: renewed with its pathway, paid every month, December's in January
    events.addAll(
        List.of(
            validated(A, AVEYRON, "NG", true, day(2039, 1, 10)),
            renewed(A, AVEYRON, 2, day(2039, 7, 20), day(2039, 8, 1)),
            permit(A, AVEYRON, day(2039, 2, 1)),
            permitRenewed(A, AVEYRON, day(2039, 7, 20), day(2039, 8, 1)),
            afisGranted(A, AVEYRON, SINGLE, day(2039, 2, 1)),
            afisRenewed(A, AVEYRON, day(2039, 7, 20), day(2040, 1, 31)),
            employment(A, AVEYRON, aDossierId(), ContractType.CDI, day(2039, 3, 1), null),
            housingStep(A, AVEYRON, HousingStep.EMERGENCY_SHELTER, day(2039, 2, 1)),
            housingStep(A, AVEYRON, HousingStep.SOCIAL_HOUSING, day(2039, 10, 1))));
    for (int month = 2; month <= 12; month++) {
      YearMonth paid = YearMonth.of(2039, month);
      LocalDate paidOn = month == 12 ? day(2040, 1, 5) : paid.atEndOfMonth().minusDays(2);
      events.add(afisPaid(A, AVEYRON, paid, SINGLE, paidOn));
    }
    events.add(afisPaid(A, AVEYRON, YearMonth.of(2040, 1), SINGLE, day(2040, 1, 29)));
    // B: ended early on 30 June, its job ended before 31 December
    String bJob = aDossierId();
    events.addAll(
        List.of(
            validated(B, AVEYRON, "NG", true, day(2039, 2, 10)),
            ended(
                B, AVEYRON, EndReason.COMMITMENTS_NOT_KEPT, day(2039, 6, 30), day(2039, 6, 15), 1),
            permit(B, AVEYRON, day(2039, 3, 1)),
            permitEnded(B, AVEYRON, day(2039, 6, 30), PermitEndReason.WITHDRAWN),
            afisGranted(B, AVEYRON, SINGLE, day(2039, 3, 1)),
            afisEnded(B, AVEYRON, day(2039, 6, 15), day(2039, 6, 30)),
            employment(B, AVEYRON, bJob, ContractType.CDD, day(2039, 4, 1), null),
            employmentEnded(B, AVEYRON, bJob, day(2039, 11, 30)),
            training(B, AVEYRON, day(2039, 5, 1), day(2039, 9, 30)),
            housingStep(B, AVEYRON, HousingStep.TEMPORARY_HOUSING, day(2039, 4, 1))));
    for (int month = 3; month <= 6; month++) {
      YearMonth paid = YearMonth.of(2039, month);
      events.add(afisPaid(B, AVEYRON, paid, SINGLE, paid.atEndOfMonth().minusDays(2)));
    }
    // C: permit expired, AFIS suspended from December, a job planned beyond the year
    events.addAll(
        List.of(
            validated(C, AVEYRON, "CM", false, day(2039, 5, 5)),
            renewed(C, AVEYRON, 2, day(2039, 11, 10), day(2039, 12, 1)),
            permit(C, AVEYRON, day(2039, 6, 1)),
            afisGranted(C, AVEYRON, ONE_CHILD, day(2039, 6, 1)),
            afisRenewed(C, AVEYRON, day(2039, 11, 10), day(2040, 5, 31)),
            afisSuspended(C, AVEYRON, day(2039, 11, 15), YearMonth.of(2039, 12)),
            training(C, AVEYRON, day(2039, 9, 1), null),
            employment(
                C, AVEYRON, C_JOB, ContractType.TEMPORARY, day(2039, 10, 1), day(2040, 3, 31))));
    for (int month = 6; month <= 11; month++) {
      YearMonth paid = YearMonth.of(2039, month);
      events.add(afisPaid(C, AVEYRON, paid, ONE_CHILD, paid.atEndOfMonth().minusDays(2)));
    }
    // D and E: AFIS refused, D for two conditions
    String d = aDossierId();
    String e = aDossierId();
    events.addAll(
        List.of(
            validated(d, AVEYRON, "NG", true, day(2039, 3, 1)),
            afisRefused(
                d,
                AVEYRON,
                day(2039, 4, 1),
                List.of(AfisRefusalReason.RECEIVES_RSA, AfisRefusalReason.RESOURCES_ABOVE_RSA)),
            validated(e, AVEYRON, "NG", true, day(2039, 3, 20)),
            afisRefused(e, AVEYRON, AfisRefusalReason.RESOURCES_ABOVE_RSA, day(2039, 4, 15))));
    events.forEach(Produced::send);
  }

  @Test
  @Order(1)
  void theYearCountsRightsAsTheyRanAndWhatWasPaidForItsMonths() {
    JsonNode review = awaitReview("year=2039", RightsReviewIT::asEntered);

    assertThat(figures(review)).containsAllEntriesOf(YEAR_AS_ENTERED);
    // every unmet condition counts: D's two, E's one; by first reason they add up to refusals
    assertThat(review.get("afisRefusalsByCondition").toString())
        .isEqualTo("{\"RESOURCES_ABOVE_RSA\":2,\"RECEIVES_RSA\":1}");
    assertThat(review.get("afisRefusalsByReason").toString())
        .isEqualTo("{\"RECEIVES_RSA\":1,\"RESOURCES_ABOVE_RSA\":1}");
    assertThat(review.get("beneficiariesByHousingStep").toString())
        .isEqualTo("{\"SOCIAL_HOUSING\":1,\"TEMPORARY_HOUSING\":1}");

    // January 2040's payment counts in 2040, December's (paid in January) did in 2039
    JsonNode next = awaitReview("year=2040", r -> r.get("afisRecipientsPaid").asLong() == 1);
    assertThat(next.get("afisPaidCents").asLong()).isEqualTo(SINGLE);

    // on 30 June, B's permit and AFIS still ran (their last day), C's permit had begun
    JsonNode firstHalf = review("from=2039-01-01&to=2039-06-30");
    assertThat(figures(firstHalf))
        .containsAllEntriesOf(
            Map.of(
                "permitsInForce", 3L,
                "afisRecipientsAtEnd", 3L,
                "afisRecipientsPaid", 3L,
                "afisPaidCents", 5 * SINGLE + 4 * SINGLE + ONE_CHILD,
                "beneficiariesInEmployment", 2L,
                "beneficiariesInTraining", 1L));
    assertThat(firstHalf.get("beneficiariesByHousingStep").toString())
        .isEqualTo("{\"EMERGENCY_SHELTER\":1,\"TEMPORARY_HOUSING\":1}");

    HttpResponse<String> csv = staff().get("/api/departements/12/reports/review.csv?year=2039");
    assertThat(csv.body())
        .contains(
            "Personnes payées de l'AFIS sur la période;3\r\n",
            "AFIS versée pour les mois de la période (€);7843,68\r\n",
            "AFIS refusées — condition non remplie RESOURCES_ABOVE_RSA;2\r\n",
            "Bénéficiaires en emploi au 31/12/2039;2\r\n",
            "Logement au 31/12/2039 — SOCIAL_HOUSING;1\r\n");
  }

  @Test
  @Order(3)
  void aLateCorrectionChangesTheCurrentFiguresNotThoseAsKnownBefore() {
    awaitReview("year=2039", RightsReviewIT::asEntered);
    Instant known = Instant.now();
    JsonNode asKnown = review("year=2039&asOf=" + known);

    // C's job ended on 15 December after all; A moved to a private rental on 1 December
    List.of(
            employmentEnded(C, AVEYRON, C_JOB, day(2039, 12, 15)),
            housingStep(A, AVEYRON, HousingStep.PRIVATE_RENTAL, day(2039, 12, 1)))
        .forEach(Produced::send);
    JsonNode corrected =
        awaitReview(
            "year=2039",
            r ->
                r.get("beneficiariesInEmployment").asLong() == 1
                    && r.get("beneficiariesByHousingStep").has("PRIVATE_RENTAL"));
    assertThat(corrected.get("beneficiariesOnCdi").asLong()).isEqualTo(1);
    assertThat(corrected.get("beneficiariesByHousingStep").toString())
        .isEqualTo("{\"PRIVATE_RENTAL\":1,\"TEMPORARY_HOUSING\":1}");

    JsonNode stillAsKnown = review("year=2039&asOf=" + known);
    assertThat(stillAsKnown).isEqualTo(asKnown);
    assertThat(stillAsKnown.get("beneficiariesInEmployment").asLong()).isEqualTo(2);
    assertThat(stillAsKnown.get("beneficiariesByHousingStep").toString())
        .isEqualTo("{\"SOCIAL_HOUSING\":1,\"TEMPORARY_HOUSING\":1}");
  }

  @Test
  @Order(2)
  void outsideTheStaffTheNewFiguresAreWithheldLikeTheOthers() {
    awaitReview("year=2039", RightsReviewIT::asEntered);

    JsonNode analysed =
        json(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", AVEYRON))
                .get("/api/departements/12/reports/review?year=2039"));
    for (String figure :
        List.of("afisRecipientsPaid", "afisPaidCents", "beneficiariesWithHousing")) {
      assertThat(analysed.get(figure).isNull()).as(figure).isTrue();
    }
    assertThat(analysed.get("afisRefusalsByCondition").toString())
        .isEqualTo("{\"RECEIVES_RSA\":null,\"RESOURCES_ABOVE_RSA\":null}");
    assertThat(JSON.convertValue(analysed.get("withheld"), List.class))
        .contains(
            "afisPaidCents",
            "afisRecipientsPaid",
            "afisRefusalsByCondition.RECEIVES_RSA",
            "afisRefusalsByCondition.RESOURCES_ABOVE_RSA",
            "beneficiariesByHousingStep.SOCIAL_HOUSING",
            "beneficiariesWithHousing");

    JsonNode national =
        json(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", "*"))
                .get("/api/reports/national?year=2039"));
    assertThat(national.has("afisPaidCents")).isTrue();
    assertThat(national.get("afisPaidCents").isNull()).isTrue();
    assertThat(JSON.convertValue(national.get("withheld"), List.class))
        .contains("afisPaidCents", "afisRecipientsPaid", "beneficiariesWithHousing");
  }

  /** Whether every fact of 2039 as first entered is in the review. */
  private static boolean asEntered(JsonNode review) {
    return figures(review).entrySet().containsAll(YEAR_AS_ENTERED.entrySet());
  }

  private JsonNode awaitReview(String period, Predicate<JsonNode> done) {
    return await().atMost(PROJECTED).until(() -> review(period), done);
  }

  private JsonNode review(String query) {
    return json(staff().get("/api/departements/" + AVEYRON + "/reports/review?" + query));
  }

  private TestHttp staff() {
    return TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", AVEYRON));
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Map<String, Long> figures(JsonNode review) {
    Map<String, Long> figures = new HashMap<>();
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
