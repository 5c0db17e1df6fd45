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
 * years, so that national figures only see its own events: 2031 puts the Haute-Garonne article's
 * figures in one calendar year of Corse-du-Sud (2A) among thirteen other départements (the
 * article's own, since the commission's installation, are HauteGaronneIT's); 2032 to 2035 and 2100
 * belong to one test each. Jobs count while they run, so a test that expects none uses a
 * département where nobody was ever employed. The département's staff read exact figures; analysts
 * read them with small cells withheld, and so does everyone the national review.
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
      {"departmentCode":"2A","year":2031,"from":"2031-01-01","to":"2031-12-31","asOf":null,
       "dossiersStudied":30,"validated":28,"refused":2,"refusalRatePercent":6.7,
       "validatedByNationality":{"NG":27,"RO":1},"validatedTraffickingVictims":27,
       "firstRequestsRegistered":0,"renewalRequestsRegistered":0,"pathwaysRenewed":0,
       "renewalsRefused":0,"renewalRefusalRatePercent":null,
       "pathwaysInProgress":14,"peopleAccompanied":28,"pathwaysEnded":0,
       "permitsIssued":27,"permitsRenewed":0,"permitsInForce":13,
       "afisRecipients":28,"afisMonthlyTotalCents":1026000,
       "afisRecipientsAtEnd":15,"afisRecipientsPaid":0,"afisPaidCents":0,
       "afisRefusals":0,"afisRefusalsByReason":{},"afisRefusalsByCondition":{},
       "beneficiariesInEmployment":11,"beneficiariesOnCdi":7,"beneficiariesInTraining":1,
       "beneficiariesWithHousing":0,"beneficiariesByHousingStep":{},
       "nationalShareOfValidatedPercent":10.4,"secrecyThreshold":null,"withheld":[]}
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
  void theDepartementalReviewReproducesTheArticleForItsStaff() {
    awaitJson(staff("2A"), "/api/departements/2A/reports/review?year=2031", CORSE_DU_SUD_2031);
  }

  @Test
  void theCsvExportHasOneLinePerFigure() {
    awaitJson(staff("2A"), "/api/departements/2A/reports/review?year=2031", CORSE_DU_SUD_2031);

    HttpResponse<String> csv = staff("2A").get("/api/departements/2A/reports/review.csv?year=2031");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(MediaType.parseMediaType(header(csv, "Content-Type")))
        .isEqualTo(MediaType.parseMediaType("text/csv; charset=UTF-8"));
    assertThat(header(csv, "Content-Disposition"))
        .isEqualTo("attachment; filename=\"bilan-2A-2031.csv\"");
    assertThat(csv.body().split("\r\n", -1))
        .containsExactly(
            "indicateur;valeur",
            "Période;du 01/01/2031 au 31/12/2031",
            "Dossiers étudiés;30",
            "Parcours validés;28",
            "Parcours refusés;2",
            "Taux de refus (%);6,7",
            "Parcours validés — nationalité NG;27",
            "Parcours validés — nationalité RO;1",
            "Victimes de traite (parcours validés);27",
            "Premières demandes enregistrées;0",
            "Demandes de renouvellement enregistrées;0",
            "Renouvellements accordés;0",
            "Renouvellements refusés;0",
            "Taux de refus des renouvellements (%);",
            "Parcours en cours au 31/12/2031;14",
            "Personnes accompagnées sur la période;28",
            "Parcours terminés sur la période;0",
            "APS délivrées;27",
            "dont renouvelées;0",
            "APS en cours de validité au 31/12/2031;13",
            "Bénéficiaires de l'AFIS;28",
            "Montant mensuel de l'AFIS (€);10260,00",
            "Bénéficiaires de l'AFIS au 31/12/2031;15",
            "Personnes payées de l'AFIS sur la période;0",
            "AFIS versée pour les mois de la période (€);0,00",
            "AFIS refusées;0",
            "Bénéficiaires en emploi au 31/12/2031;11",
            "dont en CDI;7",
            "Bénéficiaires en formation au 31/12/2031;1",
            "Bénéficiaires logés ou hébergés au 31/12/2031;0",
            "Part des parcours validés en France (%);10,4",
            "");
  }

  @Test
  void anAnalystReadsTheDepartementWithItsSmallCellsWithheld() {
    awaitJson(staff("2A"), "/api/departements/2A/reports/review?year=2031", CORSE_DU_SUD_2031);

    JsonNode review = json(http().get("/api/departements/2A/reports/review?year=2031").body());

    // the one Romanian singled out, and the Nigerians who would give them away from the total
    assertThat(review.get("validatedByNationality").toString())
        .isEqualTo("{\"NG\":null,\"RO\":null}");
    assertThat(review.get("validated").asLong()).isEqualTo(28);
    assertThat(review.get("refused").isNull()).isTrue();
    assertThat(review.get("dossiersStudied").isNull()).isTrue();
    assertThat(review.get("refusalRatePercent").isNull()).isTrue();
    assertThat(review.get("beneficiariesInTraining").isNull()).isTrue();
    assertThat(review.get("secrecyThreshold").asInt()).isEqualTo(11);
    assertThat(review.get("withheld").valueStream().map(JsonNode::asString))
        .contains(
            "validatedByNationality.NG",
            "validatedByNationality.RO",
            "refused",
            "dossiersStudied",
            "beneficiariesInTraining");
    assertNoSmallCountIsPublished(review);
    HttpResponse<String> csv = http().get("/api/departements/2A/reports/review.csv?year=2031");
    assertThat(csv.body())
        .contains("Parcours validés — nationalité RO;s\r\n", "Parcours refusés;s\r\n");
  }

  @Test
  void theNationalReviewCountsPathwaysInProgressByDepartementWithSmallCellsWithheld() {
    JsonNode national =
        await()
            .atMost(PROJECTED)
            .until(
                () -> json(http().get("/api/reports/national?year=2031").body()),
                review -> review.get("validated").asLong() == 270);

    assertThat(national.get("pathwaysInProgress").asLong()).isEqualTo(256);
    assertThat(national.get("peopleAccompanied").asLong()).isEqualTo(271);
    assertThat(national.get("sizeBands").toString())
        .isEqualTo("{\"0\":87,\"1-5\":3,\"6-10\":2,\"11-20\":5,\"over-20\":4}");
    assertThat(national.get("fiveLargestSharePercent").decimalValue()).isEqualByComparingTo("68.4");
    List<JsonNode> departments = national.get("departments").valueStream().toList();
    assertThat(departments)
        .extracting(line -> line.get("departmentCode").asString())
        .startsWith("75", "69", "13", "38", "33", "59", "2A", "67", "92")
        .endsWith("06", "34", "35", "44", "971");
    assertThat(departments.get(0).get("pathwaysInProgress").asLong()).isEqualTo(60);
    assertThat(departments.get(0).get("shareOfPathwaysInProgressPercent").decimalValue())
        .isEqualByComparingTo("23.4");
    assertThat(departments.get(departments.size() - 1).get("pathwaysInProgress").isNull()).isTrue();
    assertThat(national.get("withheld").valueStream().map(JsonNode::asString))
        .contains(
            "refused",
            "dossiersStudied",
            "departments.971.pathwaysInProgress",
            "departments.971.validated");
    assertNoSmallCountIsPublished(national);
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
    assertThat(json(staff("974").get("/api/departements/974/reports/review?year=2033").body()))
        .isEqualTo(json(emptyReview("974", 2033)));

    validated(dossier, "974", "NG", true, day(2033, 3, 17)).send();

    awaitJson(
        staff("974"),
        "/api/departements/974/reports/review?year=2033",
        """
        {"departmentCode":"974","year":2033,"from":"2033-01-01","to":"2033-12-31","asOf":null,
         "dossiersStudied":1,"validated":1,"refused":0,"refusalRatePercent":0.0,
         "validatedByNationality":{"NG":1},"validatedTraffickingVictims":1,
         "firstRequestsRegistered":0,"renewalRequestsRegistered":0,"pathwaysRenewed":0,
         "renewalsRefused":0,"renewalRefusalRatePercent":null,
         "pathwaysInProgress":0,"peopleAccompanied":1,"pathwaysEnded":0,
         "permitsIssued":1,"permitsRenewed":0,"permitsInForce":0,
         "afisRecipients":1,"afisMonthlyTotalCents":33000,
         "afisRecipientsAtEnd":0,"afisRecipientsPaid":0,"afisPaidCents":0,
         "afisRefusals":0,"afisRefusalsByReason":{},"afisRefusalsByCondition":{},
         "beneficiariesInEmployment":1,"beneficiariesOnCdi":1,"beneficiariesInTraining":0,
         "beneficiariesWithHousing":0,"beneficiariesByHousingStep":{},
         "nationalShareOfValidatedPercent":100.0,"secrecyThreshold":null,"withheld":[]}
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

    awaitField(staff("2B"), "/api/departements/2B/reports/review?year=2032", "validated", 1);
    assertThat(
            field(
                staff("2B").get("/api/departements/2B/reports/review?year=2032"), "permitsIssued"))
        .isEqualTo(2);
    assertThat(
            field(
                staff("2B").get("/api/departements/2B/reports/review?year=2032"), "permitsRenewed"))
        .isEqualTo(1);
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

    var review = staff("2B").get("/api/departements/2B/reports/review?year=2034");
    assertThat(field(review, "dossiersStudied")).isEqualTo(1);
    assertThat(field(review, "permitsIssued")).isEqualTo(1);
    assertThat(rowsOf("pathway_decision", dossier)).isEqualTo(1);
  }

  @Test
  void afisRefusalsAreCountedByTheReasonOfEachDossiersLastRefusal() {
    String reassessed = aDossierId();
    String receivesAda = aDossierId();
    String notABeneficiary = aDossierId();
    validated(reassessed, "2B", "CM", false, day(2035, 1, 10)).send();
    validated(receivesAda, "2B", "CM", false, day(2035, 1, 10)).send();
    afisRefused(reassessed, "2B", AfisRefusalReason.RESOURCES_ABOVE_RSA, day(2035, 2, 14)).send();
    afisRefused(reassessed, "2B", AfisRefusalReason.RECEIVES_ADA, day(2035, 3, 14)).send();
    afisRefused(receivesAda, "2B", AfisRefusalReason.RECEIVES_ADA, day(2035, 4, 2)).send();
    afisRefused(notABeneficiary, "2B", AfisRefusalReason.UNDER_18, day(2035, 2, 14)).send();

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT reason FROM afis_refusal WHERE dossier_id = ?"
                                + " ORDER BY decided_on",
                            String.class,
                            reassessed))
                    .containsExactly("RESOURCES_ABOVE_RSA", "RECEIVES_ADA"));
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              JsonNode review =
                  json(staff("2B").get("/api/departements/2B/reports/review?year=2035").body());
              assertThat(review.get("afisRefusals").asLong()).isEqualTo(2);
              assertThat(review.get("afisRefusalsByReason").toString())
                  .isEqualTo("{\"RECEIVES_ADA\":2}");
            });

    // an analyst reads neither the département's two refusals nor their reason, nor France's
    JsonNode review = json(http().get("/api/departements/2B/reports/review?year=2035").body());
    assertThat(review.get("afisRefusals").isNull()).isTrue();
    assertThat(review.get("afisRefusalsByReason").toString()).isEqualTo("{\"RECEIVES_ADA\":null}");
    assertThat(review.get("withheld").valueStream().map(JsonNode::asString))
        .contains("afisRefusals", "afisRefusalsByReason.RECEIVES_ADA");
    JsonNode national = json(http().get("/api/reports/national?year=2035").body());
    assertThat(national.get("afisRefusals").isNull()).isTrue();
    assertThat(national.get("withheld").valueStream().map(JsonNode::asString))
        .contains("afisRefusals");
  }

  @Test
  void aYearWithoutDecisionsHasNoShares() {
    assertThat(json(staff("48").get("/api/departements/48/reports/review?year=2100").body()))
        .isEqualTo(json(emptyReview("48", 2100)));
    // Jobs count while they run: the other tests' jobs are France's employment of 2100.
    JsonNode national = json(http().get("/api/reports/national?year=2100").body());
    ((ObjectNode) national)
        .remove(
            List.of(
                "beneficiariesInEmployment",
                "beneficiariesOnCdi",
                "beneficiariesInTraining",
                "withheld"));
    assertThat(national)
        .isEqualTo(
            json(
                """
                {"year":2100,"asOf":null,"dossiersStudied":0,"validated":0,"refused":0,
                 "refusalRatePercent":null,"validatedTraffickingVictims":0,
                 "firstRequestsRegistered":0,"renewalRequestsRegistered":0,"pathwaysRenewed":0,
                 "renewalsRefused":0,"renewalRefusalRatePercent":null,
                 "pathwaysInProgress":0,"peopleAccompanied":0,"pathwaysEnded":0,
                 "permitsIssued":0,"permitsRenewed":0,"permitsInForce":0,"afisRecipients":0,
                 "afisMonthlyTotalCents":0,"afisRecipientsAtEnd":0,"afisRecipientsPaid":0,
                 "afisPaidCents":0,"afisRefusals":0,"beneficiariesWithHousing":0,
                 "departments":[],
                 "sizeBands":{"0":101,"1-5":0,"6-10":0,"11-20":0,"over-20":0},
                 "fiveLargestSharePercent":null,"secrecyThreshold":11}
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
   * Corse-du-Sud's 2031 with the article's figures in one year: 30 dossiers decided, 28 validated,
   * 27 Nigerian victims of trafficking, 27 permits, 28 AFIS recipients, 11 in employment of whom 7
   * on a CDI; with the facts that must not count.
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
    events.add(employment(nigerians.get(11), department, ContractType.CDD, day(2031, 11, 2)));
    // a training is reported apart from jobs
    events.add(employment(romanian, department, ContractType.TRAINING, day(2031, 9, 15)));
    // Not in 2031's figures: a job starting in 2032, a job of a refused person.
    events.add(employment(nigerians.get(10), department, ContractType.CDI, day(2032, 1, 5)));
    events.add(employment(refusedNigerian, department, ContractType.CDD, day(2031, 8, 1)));
    return events;
  }

  /**
   * The other départements of 2031: 242 validated in September (in progress at 31 December), 3
   * refused, and a Parisian validated in 2030 whose term ended in June, with a permit and a job.
   */
  private static List<Produced> elsewhereIn2031() {
    List<Produced> events = new ArrayList<>();
    VALIDATED_ELSEWHERE_IN_2031.forEach(
        (department, count) ->
            IntStream.range(0, count)
                .forEach(
                    i ->
                        events.add(
                            validated(aDossierId(), department, "NG", true, day(2031, 9, 22)))));
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
        {"departmentCode":"%s","year":%d,"from":"%2$d-01-01","to":"%2$d-12-31","asOf":null,
         "dossiersStudied":0,"validated":0,"refused":0,"refusalRatePercent":null,
         "validatedByNationality":{},"validatedTraffickingVictims":0,
         "firstRequestsRegistered":0,"renewalRequestsRegistered":0,"pathwaysRenewed":0,
         "renewalsRefused":0,"renewalRefusalRatePercent":null,
         "pathwaysInProgress":0,"peopleAccompanied":0,"pathwaysEnded":0,
         "permitsIssued":0,"permitsRenewed":0,"permitsInForce":0,
         "afisRecipients":0,"afisMonthlyTotalCents":0,
         "afisRecipientsAtEnd":0,"afisRecipientsPaid":0,"afisPaidCents":0,
         "afisRefusals":0,"afisRefusalsByReason":{},"afisRefusalsByCondition":{},
         "beneficiariesInEmployment":0,"beneficiariesOnCdi":0,"beneficiariesInTraining":0,
         "beneficiariesWithHousing":0,"beneficiariesByHousingStep":{},
         "nationalShareOfValidatedPercent":null,"secrecyThreshold":null,"withheld":[]}
        """
        .formatted(department, year);
  }

  /**
   * Every count published is 0 or at least the threshold: a count of 1 to 10 people is never
   * published, withheld or not. Amounts and shares are not counts.
   */
  private static void assertNoSmallCountIsPublished(JsonNode review) {
    review
        .properties()
        .forEach(
            member -> {
              String name = member.getKey();
              JsonNode value = member.getValue();
              if (name.endsWith("Percent")
                  || name.endsWith("Cents")
                  || name.equals("year")
                  || name.equals("secrecyThreshold")
                  || name.equals("sizeBands")) {
                return;
              }
              if (value.isNumber()) {
                assertThat(value.asLong())
                    .as(name)
                    .satisfiesAnyOf(
                        count -> assertThat(count).isZero(),
                        count -> assertThat(count).isGreaterThanOrEqualTo(11));
              } else if (value.isObject() || value.isArray()) {
                value
                    .valueStream()
                    .forEach(
                        inner -> {
                          if (inner.isNumber()) {
                            assertThat(inner.asLong())
                                .as(name)
                                .satisfiesAnyOf(
                                    count -> assertThat(count).isZero(),
                                    count -> assertThat(count).isGreaterThanOrEqualTo(11));
                          } else if (inner.isObject()) {
                            assertNoSmallCountIsPublished(inner);
                          }
                        });
              }
            });
  }

  private void awaitJson(TestHttp reader, String path, String expected) {
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              HttpResponse<String> response = reader.get(path);
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(json(response.body())).isEqualTo(json(expected));
            });
  }

  private void awaitField(TestHttp reader, String path, String name, long expected) {
    await()
        .atMost(PROJECTED)
        .untilAsserted(() -> assertThat(field(reader.get(path), name)).isEqualTo(expected));
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

  /** A ministry analyst: every département's review and the national one, with secrecy. */
  private TestHttp http() {
    return TestHttp.onPort(port).as(TestTokens.staff("ANALYST", "*"));
  }

  /** The préfecture of a département: its exact figures. */
  private TestHttp staff(String departement) {
    return TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", departement));
  }
}
