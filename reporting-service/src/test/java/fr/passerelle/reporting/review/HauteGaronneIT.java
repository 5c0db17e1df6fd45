package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.afisGranted;
import static fr.passerelle.reporting.review.ProducedEvents.employment;
import static fr.passerelle.reporting.review.ProducedEvents.ended;
import static fr.passerelle.reporting.review.ProducedEvents.permit;
import static fr.passerelle.reporting.review.ProducedEvents.refused;
import static fr.passerelle.reporting.review.ProducedEvents.renewalRefused;
import static fr.passerelle.reporting.review.ProducedEvents.renewalRequested;
import static fr.passerelle.reporting.review.ProducedEvents.renewed;
import static fr.passerelle.reporting.review.ProducedEvents.submitted;
import static fr.passerelle.reporting.review.ProducedEvents.validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.review.ProducedEvents.Produced;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Haute-Garonne article as it was counted: cumulative from the commission's installation in
 * 2018 to January 2020, with the real calendar of its sessions, the renewals of its pathways and
 * the ends of three of them. Its figures (30 dossiers studied, 28 validated, 27 Nigerian victims of
 * trafficking, 11 in employment of whom 7 on a CDI) are those of the review since the installation
 * ({@code to=2020-01-31}); no calendar year gives them. Haute-Garonne before February 2020 belongs
 * to this test; its share of France's validated pathways is checked against the article's "more
 * than 10 %" only, as other tests validate pathways elsewhere in 2019.
 */
@ServiceIntegrationTest
class HauteGaronneIT {

  private static final String HAUTE_GARONNE = "31";
  private static final Duration PROJECTED = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Validated pathways of 2018 and 2019 outside Haute-Garonne, by département. */
  private static final Map<String, Integer> VALIDATED_ELSEWHERE =
      Map.of("75", 80, "69", 50, "13", 30, "38", 20, "06", 20);

  private static final String SINCE_INSTALLATION =
      """
      {"departmentCode":"31","year":null,"from":null,"to":"2020-01-31","asOf":null,
       "dossiersStudied":30,"validated":28,"refused":2,"refusalRatePercent":6.7,
       "validatedByNationality":{"NG":27,"BR":1},"validatedTraffickingVictims":27,
       "firstRequestsRegistered":31,"renewalRequestsRegistered":42,"pathwaysRenewed":41,
       "renewalsRefused":1,"renewalRefusalRatePercent":2.4,
       "pathwaysInProgress":25,"peopleAccompanied":28,"pathwaysEnded":3,
       "permitsIssued":67,"permitsRenewed":40,"permitsInForce":24,
       "afisRecipients":28,"afisMonthlyTotalCents":924000,
       "afisRecipientsAtEnd":25,"afisRecipientsPaid":0,"afisPaidCents":0,
       "afisRefusals":0,"afisRefusalsByReason":{},"afisRefusalsByCondition":{},
       "beneficiariesInEmployment":11,"beneficiariesOnCdi":7,"beneficiariesInTraining":1,
       "beneficiariesWithHousing":0,"beneficiariesByHousingStep":{},
       "secrecyThreshold":null,"withheld":[]}
      """;

  /** The one validated pathway that is not a Nigerian's: a Brazilian's, without a permit. */
  private static final String BRAZILIAN = aDossierId();

  @LocalServerPort int port;

  @BeforeAll
  static void theCommissionSatFromItsInstallation() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    hauteGaronne().forEach(Produced::send);
    elsewhere().forEach(Produced::send);
  }

  @Test
  void theReviewSinceTheInstallationReproducesTheArticle() {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              ObjectNode review = (ObjectNode) review("to=2020-01-31");
              JsonNode share = review.remove("nationalShareOfValidatedPercent");
              assertThat(review).isEqualTo(JSON.readTree(SINCE_INSTALLATION));
              // "more than 10 % of all pathways validated in France"
              assertThat(share.decimalValue())
                  .isGreaterThan(new BigDecimal("10.0"))
                  .isLessThanOrEqualTo(new BigDecimal("12.3"));
            });
  }

  @Test
  void noCalendarYearGivesTheArticlesFigures() {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(figures(review("year=2019")))
                    .containsAllEntriesOf(
                        Map.of(
                            "dossiersStudied", 15L,
                            "validated", 14L,
                            "refused", 1L,
                            "validatedTraffickingVictims", 13L,
                            "pathwaysInProgress", 26L,
                            "pathwaysEnded", 3L)));
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(figures(review("year=2018")))
                    .containsAllEntriesOf(
                        Map.of(
                            "dossiersStudied", 16L,
                            "validated", 14L,
                            "refused", 2L,
                            "pathwaysInProgress", 14L,
                            "pathwaysEnded", 0L)));
  }

  @Test
  void aPermitAndTheAfisEndWithTheirPathway() {
    // On 30 April 2019, the pathway ended early on 31 March still has a permit and an AFIS grant
    // running to 30 June: neither counts.
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(figures(review("from=2019-01-01&to=2019-04-30")))
                    .containsAllEntriesOf(
                        Map.of(
                            "pathwaysInProgress", 20L,
                            "permitsInForce", 19L,
                            "afisRecipientsAtEnd", 20L,
                            "afisRecipients", 21L,
                            "pathwaysEnded", 1L)));
  }

  /**
   * Five sessions decide 30 first requests. The Brazilian is refused in November 2018, validated in
   * March 2019: studied once, as validated. Renewals follow each term; one pathway is ended early
   * by the préfet, one at the person's request, one at its term after a refused renewal.
   */
  private static List<Produced> hauteGaronne() {
    List<Produced> events = new ArrayList<>();
    List<String> june2018 = session(events, 6, day(2018, 5, 2), day(2018, 6, 14));
    List<String> november2018 = session(events, 8, day(2018, 10, 3), day(2018, 11, 15));
    List<String> march2019 = session(events, 6, day(2019, 2, 4), day(2019, 3, 14));
    List<String> june2019 = session(events, 4, day(2019, 5, 6), day(2019, 6, 13));
    List<String> november2019 = session(events, 3, day(2019, 10, 7), day(2019, 11, 14));

    events.add(submitted(BRAZILIAN, HAUTE_GARONNE, "BR", false, day(2018, 10, 3)));
    events.add(refused(BRAZILIAN, HAUTE_GARONNE, "BR", false, day(2018, 11, 15)));
    events.add(validated(BRAZILIAN, HAUTE_GARONNE, "BR", false, day(2019, 3, 14)));
    afis(events, BRAZILIAN, day(2019, 4, 1));
    List<String> refusedPeople = List.of(aDossierId(), aDossierId());
    events.add(submitted(refusedPeople.get(0), HAUTE_GARONNE, "AL", false, day(2018, 10, 3)));
    events.add(refused(refusedPeople.get(0), HAUTE_GARONNE, "AL", false, day(2018, 11, 15)));
    events.add(submitted(refusedPeople.get(1), HAUTE_GARONNE, "NG", true, day(2019, 5, 6)));
    events.add(refused(refusedPeople.get(1), HAUTE_GARONNE, "NG", true, day(2019, 6, 13)));
    // submitted in January 2020, not yet decided: registered, not studied
    events.add(submitted(aDossierId(), HAUTE_GARONNE, "NG", true, day(2020, 1, 20)));

    // June 2018: six renewed in December; one ended early in March 2019, five renewed in June,
    // four again in December, the fifth refused and ended at its term on 31 December 2019.
    june2018.forEach(
        d -> renew(events, d, 2, day(2018, 12, 3), day(2018, 12, 13), day(2019, 1, 1)));
    events.add(
        ended(
            june2018.get(5),
            HAUTE_GARONNE,
            EndReason.COMMITMENTS_NOT_KEPT,
            day(2019, 3, 31),
            day(2019, 3, 14),
            2));
    june2018
        .subList(0, 5)
        .forEach(d -> renew(events, d, 3, day(2019, 6, 3), day(2019, 6, 13), day(2019, 7, 1)));
    june2018
        .subList(0, 4)
        .forEach(d -> renew(events, d, 4, day(2019, 12, 2), day(2019, 12, 12), day(2020, 1, 1)));
    events.add(renewalRequested(june2018.get(4), HAUTE_GARONNE, day(2019, 12, 2)));
    events.add(
        renewalRefused(june2018.get(4), HAUTE_GARONNE, 4, day(2019, 12, 12), day(2019, 12, 31)));
    events.add(
        ended(june2018.get(4), HAUTE_GARONNE, EndReason.TERM_REACHED, day(2019, 12, 31), null, 3));

    // November 2018: eight renewed in May 2019; one ends at the person's request in August, seven
    // are renewed again in November.
    november2018.forEach(
        d -> renew(events, d, 2, day(2019, 5, 2), day(2019, 5, 16), day(2019, 6, 1)));
    events.add(
        ended(
            november2018.get(7),
            HAUTE_GARONNE,
            EndReason.PERSON_REQUEST,
            day(2019, 8, 31),
            day(2019, 8, 20),
            2));
    november2018
        .subList(0, 7)
        .forEach(d -> renew(events, d, 3, day(2019, 11, 4), day(2019, 11, 14), day(2019, 12, 1)));

    List<String> marchPeople = new ArrayList<>(march2019);
    marchPeople.add(BRAZILIAN);
    marchPeople.forEach(
        d -> renew(events, d, 2, day(2019, 9, 2), day(2019, 9, 12), day(2019, 10, 1)));
    june2019.forEach(
        d -> renew(events, d, 2, day(2019, 12, 2), day(2019, 12, 12), day(2020, 1, 1)));

    // Eleven in employment, seven on a CDI; a training apart; what must not count: a job starting
    // after January 2020, a job of a person whose pathway was refused.
    june2018.subList(0, 4).forEach(d -> job(events, d, ContractType.CDI, day(2019, 3, 4)));
    november2018.subList(0, 3).forEach(d -> job(events, d, ContractType.CDI, day(2019, 9, 2)));
    job(events, november2018.get(3), ContractType.CDD, day(2019, 10, 1));
    job(events, march2019.get(0), ContractType.TEMPORARY, day(2019, 11, 4));
    job(events, march2019.get(1), ContractType.INTEGRATION_CONTRACT, day(2019, 12, 2));
    job(events, march2019.get(2), ContractType.CDD, day(2020, 1, 6));
    job(events, march2019.get(3), ContractType.TRAINING, day(2019, 10, 14));
    job(events, june2019.get(0), ContractType.CDD, day(2020, 2, 10));
    job(events, refusedPeople.get(1), ContractType.CDD, day(2019, 9, 2));
    return events;
  }

  /**
   * A session's Nigerian victims of trafficking: submitted, validated, their permit and AFIS from
   * the first day of their pathway.
   */
  private static List<String> session(
      List<Produced> events, int validated, LocalDate submittedOn, LocalDate decidedOn) {
    List<String> dossiers = IntStream.range(0, validated).mapToObj(i -> aDossierId()).toList();
    LocalDate start = decidedOn.withDayOfMonth(1).plusMonths(1);
    for (String dossier : dossiers) {
      events.add(submitted(dossier, HAUTE_GARONNE, "NG", true, submittedOn));
      events.add(validated(dossier, HAUTE_GARONNE, "NG", true, decidedOn));
      events.add(permit(dossier, HAUTE_GARONNE, start));
      afis(events, dossier, start);
    }
    return dossiers;
  }

  private static void afis(List<Produced> events, String dossier, LocalDate from) {
    events.add(afisGranted(dossier, HAUTE_GARONNE, 33_000, from));
  }

  /**
   * A renewal asked for and granted; the préfecture issues the permit again for the new term (but
   * to the Brazilian, who has none) and the AFIS is granted again.
   */
  private static void renew(
      List<Produced> events,
      String dossier,
      int term,
      LocalDate requestedOn,
      LocalDate decidedOn,
      LocalDate start) {
    events.add(renewalRequested(dossier, HAUTE_GARONNE, requestedOn));
    events.add(renewed(dossier, HAUTE_GARONNE, term, decidedOn, start));
    if (!dossier.equals(BRAZILIAN)) {
      events.add(permit(dossier, HAUTE_GARONNE, start));
    }
    afis(events, dossier, start);
  }

  private static void job(
      List<Produced> events, String dossier, ContractType contract, LocalDate start) {
    events.add(employment(dossier, HAUTE_GARONNE, contract, start));
  }

  /** France's other pathways of 2018 and 2019, validated in September 2019. */
  private static List<Produced> elsewhere() {
    List<Produced> events = new ArrayList<>();
    VALIDATED_ELSEWHERE.forEach(
        (department, count) ->
            IntStream.range(0, count)
                .forEach(
                    i ->
                        events.add(
                            validated(aDossierId(), department, "NG", true, day(2019, 9, 19)))));
    return events;
  }

  private JsonNode review(String period) {
    HttpResponse<String> response =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", HAUTE_GARONNE))
            .get("/api/departements/" + HAUTE_GARONNE + "/reports/review?" + period);
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
