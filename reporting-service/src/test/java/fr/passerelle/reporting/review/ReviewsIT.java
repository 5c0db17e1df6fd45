package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.afisGranted;
import static fr.passerelle.reporting.review.ProducedEvents.afisRefused;
import static fr.passerelle.reporting.review.ProducedEvents.employment;
import static fr.passerelle.reporting.review.ProducedEvents.permit;
import static fr.passerelle.reporting.review.ProducedEvents.refused;
import static fr.passerelle.reporting.review.ProducedEvents.validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.benefits.projection.ResidencePermitsProjection;
import fr.passerelle.reporting.pathways.projection.PathwayDecisionsProjection;
import fr.passerelle.reporting.review.ProducedEvents.Produced;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reviews computed from events published as the producers publish them. Each test owns its
 * years, so that national figures only see its own events: 2031 replays the Haute-Garonne article
 * in Corse-du-Sud (2A) among thirteen other départements; 2032 to 2035 and 2100 belong to one test
 * each. Employment counts are cumulative (jobs started on or before the end of the year), so a test
 * that expects none uses a département where nobody was ever employed.
 */
@ServiceIntegrationTest
class ReviewsIT {

  private static final Duration PROJECTED = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Validated pathways of 2031 outside Corse-du-Sud, by département. */
  private static final Map<String, Integer> VALIDATED_ELSEWHERE_IN_2031 =
      Map.ofEntries(
          Map.entry("75", 60),
          Map.entry("69", 40),
          Map.entry("13", 30),
          Map.entry("38", 25),
          Map.entry("33", 20),
          Map.entry("59", 19),
          Map.entry("67", 12),
          Map.entry("92", 11),
          Map.entry("06", 10),
          Map.entry("34", 6),
          Map.entry("44", 5),
          Map.entry("35", 3),
          Map.entry("971", 1));

  private static final String CORSE_DU_SUD_2031 =
      """
      {"departmentCode":"2A","year":2031,"asOf":null,"dossiersStudied":30,"validated":28,"refused":2,
       "validatedByNationality":{"NG":27,"RO":1},"validatedTraffickingVictims":27,
       "permitsIssued":27,"afisRecipients":28,"afisMonthlyTotalCents":1026000,
       "beneficiariesInEmployment":11,"beneficiariesOnCdi":7,
       "nationalShareOfValidatedPercent":10.4}
      """;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void theYear2031IsPublished() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    corseDuSudIn2031().forEach(Produced::send);
    elsewhereIn2031().forEach(Produced::send);
  }

  @Test
  void theDepartementalReviewReproducesTheArticle() {
    awaitJson("/api/departements/2A/reports/review?year=2031", CORSE_DU_SUD_2031);
  }

  @Test
  void theCsvExportHasOneLinePerFigure() {
    awaitJson("/api/departements/2A/reports/review?year=2031", CORSE_DU_SUD_2031);

    HttpResponse<String> csv = http().get("/api/departements/2A/reports/review.csv?year=2031");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(MediaType.parseMediaType(header(csv, "Content-Type")))
        .isEqualTo(MediaType.parseMediaType("text/csv; charset=UTF-8"));
    assertThat(header(csv, "Content-Disposition"))
        .isEqualTo("attachment; filename=\"bilan-2A-2031.csv\"");
    assertThat(csv.body().split("\r\n", -1))
        .containsExactly(
            "indicateur;valeur",
            "Dossiers étudiés;30",
            "Parcours validés;28",
            "Parcours refusés;2",
            "Parcours validés — nationalité NG;27",
            "Parcours validés — nationalité RO;1",
            "Victimes de traite (parcours validés);27",
            "APS délivrées;27",
            "Bénéficiaires de l'AFIS;28",
            "Montant mensuel de l'AFIS (€);10260,00",
            "Bénéficiaires en emploi;11",
            "dont en CDI;7",
            "Part des parcours validés en France (%);10,4",
            "");
  }

  @Test
  void theNationalReviewSharesTheValidatedPathwaysAmongTheDepartements() {
    awaitJson(
        "/api/reports/national?year=2031",
        """
        {"year":2031,"asOf":null,"dossiersStudied":275,"validated":270,"refused":5,"refusalRatePercent":1.8,
         "permitsIssued":28,"afisRecipients":28,"afisMonthlyTotalCents":1026000,
         "beneficiariesInEmployment":12,"beneficiariesOnCdi":7,
         "departments":[
           {"departmentCode":"75","validated":60,"shareOfValidatedPercent":22.2},
           {"departmentCode":"69","validated":40,"shareOfValidatedPercent":14.8},
           {"departmentCode":"13","validated":30,"shareOfValidatedPercent":11.1},
           {"departmentCode":"2A","validated":28,"shareOfValidatedPercent":10.4},
           {"departmentCode":"38","validated":25,"shareOfValidatedPercent":9.3},
           {"departmentCode":"33","validated":20,"shareOfValidatedPercent":7.4},
           {"departmentCode":"59","validated":19,"shareOfValidatedPercent":7.0},
           {"departmentCode":"67","validated":12,"shareOfValidatedPercent":4.4},
           {"departmentCode":"92","validated":11,"shareOfValidatedPercent":4.1},
           {"departmentCode":"06","validated":10,"shareOfValidatedPercent":3.7},
           {"departmentCode":"34","validated":6,"shareOfValidatedPercent":2.2},
           {"departmentCode":"44","validated":5,"shareOfValidatedPercent":1.9},
           {"departmentCode":"35","validated":3,"shareOfValidatedPercent":1.1},
           {"departmentCode":"971","validated":1,"shareOfValidatedPercent":0.4}],
         "sizeBands":{"0":87,"1-5":3,"6-10":2,"11-20":4,"over-20":5},
         "fiveLargestSharePercent":67.8}
        """);
  }

  @Test
  void aBenefitDeliveredBeforeItsDecisionCountsOnceBothArrived() {
    String dossier = aDossierId();
    permit(dossier, "974", day(2033, 4, 1)).send();
    afisGranted(dossier, "974", 33_000, day(2033, 4, 1)).send();
    employment(dossier, "974", ContractType.CDI, day(2033, 5, 2)).send();
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(
                        List.of(
                            rowsOf("residence_permit", dossier),
                            rowsOf("afis_grant", dossier),
                            rowsOf("employment", dossier)))
                    .containsOnly(1L));
    assertThat(json(http().get("/api/departements/974/reports/review?year=2033").body()))
        .isEqualTo(json(emptyReview("974", 2033)));

    validated(dossier, "974", "NG", true, day(2033, 3, 17)).send();

    awaitJson(
        "/api/departements/974/reports/review?year=2033",
        """
        {"departmentCode":"974","year":2033,"asOf":null,"dossiersStudied":1,"validated":1,"refused":0,
         "validatedByNationality":{"NG":1},"validatedTraffickingVictims":1,
         "permitsIssued":1,"afisRecipients":1,"afisMonthlyTotalCents":33000,
         "beneficiariesInEmployment":1,"beneficiariesOnCdi":1,
         "nationalShareOfValidatedPercent":100.0}
        """);
  }

  @Test
  void aRedeliveredEventCountsOnce() {
    String dossier = aDossierId();
    Produced validation = validated(dossier, "2B", "CM", false, day(2032, 3, 11));
    Produced firstPermit = permit(dossier, "2B", day(2032, 4, 1));
    validation.send("redelivered-validation-" + dossier);
    validation.send("redelivered-validation-" + dossier);
    firstPermit.send("redelivered-permit-" + dossier);
    firstPermit.send("redelivered-permit-" + dossier);
    // Same dossier, same partition: once the renewal is applied, the redelivery was read.
    String renewal = permit(dossier, "2B", day(2032, 10, 1)).send();
    awaitApplied(ResidencePermitsProjection.NAME, renewal);

    awaitField("/api/departements/2B/reports/review?year=2032", "validated", 1);
    assertThat(field(http().get("/api/departements/2B/reports/review?year=2032"), "permitsIssued"))
        .isEqualTo(2);
  }

  @Test
  void theSameFactRepublishedUnderANewIdCountsOnce() {
    String dossier = aDossierId();
    Produced validation = validated(dossier, "2B", "CM", false, day(2034, 3, 9));
    Produced permit = permit(dossier, "2B", day(2034, 4, 1));
    List<String> validations = List.of(validation.send(), validation.send());
    List<String> permits = List.of(permit.send(), permit.send());

    validations.forEach(id -> awaitApplied(PathwayDecisionsProjection.NAME, id));
    permits.forEach(id -> awaitApplied(ResidencePermitsProjection.NAME, id));

    var review = http().get("/api/departements/2B/reports/review?year=2034");
    assertThat(field(review, "dossiersStudied")).isEqualTo(1);
    assertThat(field(review, "permitsIssued")).isEqualTo(1);
    assertThat(rowsOf("pathway_decision", dossier)).isEqualTo(1);
  }

  @Test
  void anAfisRefusalIsProjectedWithItsReason() {
    String dossier = aDossierId();

    afisRefused(dossier, "2B", AfisRefusalReason.RECEIVES_ADA, day(2035, 2, 14)).send();

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT reason FROM afis_refusal WHERE dossier_id = ?",
                            String.class,
                            dossier))
                    .containsExactly("RECEIVES_ADA"));
  }

  @Test
  void aYearWithoutDecisionsHasNoShares() {
    assertThat(json(http().get("/api/departements/48/reports/review?year=2100").body()))
        .isEqualTo(json(emptyReview("48", 2100)));
    // Jobs count cumulatively: the other tests' jobs are France's employment of 2100.
    JsonNode national = json(http().get("/api/reports/national?year=2100").body());
    ((ObjectNode) national).remove(List.of("beneficiariesInEmployment", "beneficiariesOnCdi"));
    assertThat(national)
        .isEqualTo(
            json(
                """
                {"year":2100,"asOf":null,"dossiersStudied":0,"validated":0,"refused":0,
                 "refusalRatePercent":null,"permitsIssued":0,"afisRecipients":0,
                 "afisMonthlyTotalCents":0,"departments":[],
                 "sizeBands":{"0":101,"1-5":0,"6-10":0,"11-20":0,"over-20":0},
                 "fiveLargestSharePercent":null}
                """));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/departements/2A/reports/review",
        "/api/departements/2A/reports/review?year=1999",
        "/api/departements/2A/reports/review.csv?year=2101",
        "/api/departements/2A/reports/review.csv?year=deux-mille",
        "/api/reports/national",
        "/api/reports/national?year=31"
      })
  void aBadYearIsRefusedWithProblemDetails(String path) {
    HttpResponse<String> response = http().get(path);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
    JsonNode problem = json(response.body());
    assertThat(problem.get("title").asString()).isEqualTo("Requête invalide");
    assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("year");
  }

  @Test
  void anUnknownDepartementIsNamedBeforeAnythingElseIsRead() {
    HttpResponse<String> response = http().get("/api/departements/20/reports/review?year=1999");

    // the path names what is read: it is checked first, with the caller's rights
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).get("errors").findValuesAsString("field"))
        .containsExactly("departmentCode");
  }

  /**
   * Corse-du-Sud's 2031 as Haute-Garonne's 2019: 30 dossiers decided, 28 validated, 27 Nigerian
   * victims of trafficking, 27 permits, 28 AFIS recipients, 11 in employment of whom 7 on a CDI;
   * with the facts that must not count.
   */
  private static List<Produced> corseDuSudIn2031() {
    String department = "2A";
    List<Produced> events = new ArrayList<>();
    List<String> nigerians = IntStream.range(0, 27).mapToObj(i -> aDossierId()).toList();
    for (int i = 0; i < nigerians.size(); i++) {
      String dossier = nigerians.get(i);
      LocalDate decidedOn = i < 14 ? day(2031, 3, 13) : day(2031, 10, 9);
      LocalDate start = decidedOn.withDayOfMonth(1).plusMonths(1);
      long allowance = i < 20 ? 33_000 : i < 25 ? 43_200 : 53_400;
      events.add(validated(dossier, department, "NG", true, decidedOn));
      events.add(permit(dossier, department, start));
      events.add(afisGranted(dossier, department, allowance, start));
    }
    String romanian = aDossierId();
    // Refused first, validated later in the year: studied once, as validated.
    events.add(refused(romanian, department, "RO", false, day(2031, 2, 6)));
    events.add(validated(romanian, department, "RO", false, day(2031, 6, 12)));
    events.add(afisGranted(romanian, department, 33_000, day(2031, 7, 1)));
    String refusedNigerian = aDossierId();
    events.add(refused(refusedNigerian, department, "NG", true, day(2031, 6, 12)));
    events.add(refused(aDossierId(), department, "RO", false, day(2031, 6, 12)));

    // A renewed AFIS counts its recipient once, with the latest amount (a child was born).
    events.add(afisGranted(nigerians.get(0), department, 43_200, day(2031, 10, 1)));
    // A permit renewed in 2032 is a 2032 permit.
    events.add(permit(nigerians.get(14), department, day(2032, 5, 1)));

    events.add(employment(nigerians.get(0), department, ContractType.CDD, day(2031, 5, 2)));
    events.add(employment(nigerians.get(0), department, ContractType.CDI, day(2031, 9, 1)));
    IntStream.rangeClosed(1, 6)
        .forEach(
            i ->
                events.add(
                    employment(
                        nigerians.get(i), department, ContractType.CDI, day(2031, 6, 1 + i))));
    events.add(employment(nigerians.get(7), department, ContractType.CDD, day(2031, 12, 31)));
    events.add(employment(nigerians.get(8), department, ContractType.TEMPORARY, day(2031, 7, 7)));
    events.add(
        employment(
            nigerians.get(9), department, ContractType.INTEGRATION_CONTRACT, day(2031, 8, 1)));
    events.add(employment(romanian, department, ContractType.TRAINING, day(2031, 9, 15)));
    // Not in 2031's figures: a job starting in 2032, a job of a refused person.
    events.add(employment(nigerians.get(10), department, ContractType.CDI, day(2032, 1, 5)));
    events.add(employment(refusedNigerian, department, ContractType.CDD, day(2031, 8, 1)));
    return events;
  }

  /** The other départements of 2031: 242 validated, 3 refused, a permit and a job in Paris. */
  private static List<Produced> elsewhereIn2031() {
    List<Produced> events = new ArrayList<>();
    VALIDATED_ELSEWHERE_IN_2031.forEach(
        (department, count) ->
            IntStream.range(0, count)
                .forEach(
                    i ->
                        events.add(
                            validated(aDossierId(), department, "NG", true, day(2031, 5, 22)))));
    IntStream.range(0, 3)
        .forEach(i -> events.add(refused(aDossierId(), "13", "CN", false, day(2031, 11, 20))));
    String parisian = aDossierId();
    events.add(validated(parisian, "75", "CN", true, day(2030, 12, 4)));
    events.add(permit(parisian, "75", day(2031, 1, 1)));
    events.add(employment(parisian, "75", ContractType.CDD, day(2031, 3, 1)));
    return events;
  }

  /** The review of a year in which nothing was validated anywhere: no share to give. */
  private static String emptyReview(String department, int year) {
    return """
        {"departmentCode":"%s","year":%d,"asOf":null,"dossiersStudied":0,"validated":0,"refused":0,
         "validatedByNationality":{},"validatedTraffickingVictims":0,
         "permitsIssued":0,"afisRecipients":0,"afisMonthlyTotalCents":0,
         "beneficiariesInEmployment":0,"beneficiariesOnCdi":0,
         "nationalShareOfValidatedPercent":null}
        """
        .formatted(department, year);
  }

  private void awaitJson(String path, String expected) {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              HttpResponse<String> response = http().get(path);
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(json(response.body())).isEqualTo(json(expected));
            });
  }

  private void awaitField(String path, String name, long expected) {
    await()
        .atMost(PROJECTED)
        .untilAsserted(() -> assertThat(field(http().get(path), name)).isEqualTo(expected));
  }

  private void awaitApplied(String consumer, String eventId) {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForObject(
                            "SELECT count(*) FROM eventbus_inbox"
                                + " WHERE consumer = ? AND event_id = ?",
                            Long.class,
                            consumer,
                            eventId))
                    .isEqualTo(1L));
  }

  private long rowsOf(String table, String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM " + table + " WHERE dossier_id = ?", Long.class, dossierId);
  }

  private static long field(HttpResponse<String> response, String name) {
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response.body()).get(name).asLong();
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElseThrow();
  }

  private static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  private static LocalDate day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth);
  }

  /** A ministry analyst: every département's review and the national one. */
  private TestHttp http() {
    return TestHttp.onPort(port).as(TestTokens.staff("ANALYST", "*"));
  }
}
