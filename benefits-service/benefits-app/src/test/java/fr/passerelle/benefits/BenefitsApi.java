package fr.passerelle.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * benefits-service as its users call it, for the integration tests: pathways validated on {@code
 * decision.events} (decision-service's golden sample, with the dates and profile a test needs),
 * then the préfecture's, the association's and the paying body's calls.
 */
public final class BenefitsApi {

  private static final EventContract VALIDATED = EventContract.of(PathwayValidated.TYPE);
  private static final EventContract RENEWED = EventContract.of(PathwayRenewed.TYPE);
  private static final EventContract ENDED = EventContract.of(PathwayEnded.TYPE);
  private static final String GOLDEN_DOSSIER_ID = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";
  private static final String GOLDEN_PERSON_ID = "9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

  private final int port;

  public BenefitsApi(int port) {
    this.port = port;
  }

  /** The préfecture of {@code departement}. */
  public TestHttp prefecture(String departement) {
    return http().as(TestTokens.staff("PREFECTURE", departement));
  }

  /** The paying body of {@code departement}. */
  public TestHttp payingBody(String departement) {
    return http().as(TestTokens.staff("PAYING_BODY", departement));
  }

  /** The association of the golden sample, which accompanies the validated persons. */
  public TestHttp association(String departement) {
    return http().as(TestTokens.association(Beneficiaries.ASSOCIATION_ID, departement));
  }

  public TestHttp http() {
    return TestHttp.onPort(port);
  }

  /** A pathway validation to publish, from the golden sample, changed one fact at a time. */
  public static Pathway aPathway(String dossierId) {
    return new Pathway(dossierId);
  }

  /** Waits until the beneficiary's view satisfies {@code ready}, and returns it. */
  public String awaitBeneficiary(String departement, String dossierId, Predicate<String> ready) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> prefecture(departement).get(beneficiary(departement, dossierId)),
            r -> r.statusCode() == 200 && ready.test(r.body()))
        .body();
  }

  public String awaitBeneficiary(String departement, String dossierId) {
    return awaitBeneficiary(departement, dossierId, body -> true);
  }

  /** The préfecture issues a six-month permit from {@code from}, decided that day. */
  public HttpResponse<String> issuePermit(
      String departement, String dossierId, LocalDate from, LocalDate until) {
    return prefecture(departement)
        .postJson(
            beneficiary(departement, dossierId) + "/permit",
            """
            {"decidedOn":"%s","validFrom":"%s","validUntil":"%s","ceasedProstitution":true}"""
                .formatted(from, from, until));
  }

  /**
   * The association requests the AFIS on {@code requestedOn} for a household of {@code children},
   * with no resources, neither RSA nor ADA; returns the request's id.
   */
  public String requestAfis(
      String departement, String dossierId, LocalDate requestedOn, int children) {
    HttpResponse<String> requested =
        association(departement)
            .postJson(
                beneficiary(departement, dossierId) + "/afis/requests",
                """
                {"requestedOn":"%s","children":%d,"previousMonthResources":0,
                 "receivesRsa":false,"receivesAda":false}"""
                    .formatted(requestedOn, children));
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    return requestIdOf(requested.body());
  }

  public HttpResponse<String> decideAfis(
      String departement, String dossierId, String requestId, LocalDate decidedOn) {
    return prefecture(departement)
        .postJson(
            beneficiary(departement, dossierId) + "/afis/requests/" + requestId + "/decision",
            "{\"decidedOn\":\"%s\"}".formatted(decidedOn));
  }

  /** A beneficiary with a permit and the AFIS granted for the pathway of {@code pathway}. */
  public void grantedAfis(Pathway pathway) {
    String dossierId = pathway.dossierId;
    pathway.publish();
    awaitBeneficiary(pathway.departement, dossierId);
    HttpResponse<String> permit =
        issuePermit(
            pathway.departement, dossierId, pathway.decidedOn, pathway.decidedOn.plusMonths(6));
    assertThat(permit.statusCode()).as(permit.body()).isEqualTo(200);
    String requestId =
        requestAfis(pathway.departement, dossierId, pathway.decidedOn, pathway.children);
    HttpResponse<String> decided =
        decideAfis(pathway.departement, dossierId, requestId, pathway.decidedOn);
    assertThat(decided.body()).contains("\"status\":\"GRANTED\"");
    awaitBeneficiary(
        pathway.departement, dossierId, body -> body.contains("\"status\":\"GRANTED\""));
  }

  /**
   * Publishes decision-service's renewal of the pathway of {@code dossierId}, decided on {@code
   * decidedOn}, for the term from {@code start} to {@code end}.
   */
  public static void renew(
      String departement, String dossierId, LocalDate decidedOn, LocalDate start, LocalDate end) {
    String json =
        RENEWED
            .goldenSample()
            .replace(GOLDEN_DOSSIER_ID, dossierId)
            .replace("\"departmentCode\": \"31\"", "\"departmentCode\": \"" + departement + "\"")
            .replace("\"decidedOn\": \"2019-10-17\"", "\"decidedOn\": \"" + decidedOn + "\"")
            .replace("\"startDate\": \"2019-11-01\"", "\"startDate\": \"" + start + "\"")
            .replace("\"endDate\": \"2020-04-30\"", "\"endDate\": \"" + end + "\"");
    RENEWED.assertValid(json);
    TestEvents.send(
        DecisionEvents.TOPIC, UUID.randomUUID().toString(), PathwayRenewed.TYPE, dossierId, json);
  }

  /**
   * Publishes decision-service's early end of the pathway of {@code dossierId}: its last day, the
   * day the préfet decided it.
   */
  public static void endEarly(
      String departement, String dossierId, LocalDate lastDay, LocalDate decidedOn) {
    String json =
        ENDED
            .goldenSample()
            .replace(GOLDEN_DOSSIER_ID, dossierId)
            .replace("\"departmentCode\": \"31\"", "\"departmentCode\": \"" + departement + "\"")
            .replace("\"lastDay\": \"2020-02-29\"", "\"lastDay\": \"" + lastDay + "\"")
            .replace("\"decidedOn\": \"2020-02-13\"", "\"decidedOn\": \"" + decidedOn + "\"");
    ENDED.assertValid(json);
    TestEvents.send(
        DecisionEvents.TOPIC, UUID.randomUUID().toString(), PathwayEnded.TYPE, dossierId, json);
  }

  public static String beneficiary(String departement, String dossierId) {
    return "/api/departements/" + departement + "/beneficiaries/" + dossierId;
  }

  public static String requestIdOf(String body) {
    Matcher matcher = REQUEST_ID.matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }

  /** A validated pathway, published as decision-service would. */
  public static final class Pathway {

    private final String dossierId;
    private String departement = "31";
    private String nationality = "NG";
    private boolean traffickingVictim = true;
    private Boolean procuringVictim = false;
    private int children = 1;
    private LocalDate decidedOn = LocalDate.of(2019, 4, 18);
    private LocalDate start = LocalDate.of(2019, 5, 1);
    private LocalDate end = LocalDate.of(2019, 10, 31);
    private String associationId = Beneficiaries.ASSOCIATION_ID;

    private Pathway(String dossierId) {
      this.dossierId = dossierId;
    }

    public Pathway in(String departement) {
      this.departement = departement;
      return this;
    }

    public Pathway ofNationality(String nationality) {
      this.nationality = nationality;
      return this;
    }

    /** A victim of procuring who is not a victim of trafficking. */
    public Pathway victimOfProcuringOnly() {
      this.traffickingVictim = false;
      this.procuringVictim = true;
      return this;
    }

    public Pathway withChildren(int children) {
      this.children = children;
      return this;
    }

    /** Authorised on {@code decidedOn}, from the day after for six months. */
    public Pathway authorisedOn(LocalDate decidedOn) {
      this.decidedOn = decidedOn;
      this.start = decidedOn.plusDays(1);
      this.end = start.plusMonths(6).minusDays(1);
      return this;
    }

    public Pathway running(LocalDate decidedOn, LocalDate start, LocalDate end) {
      this.decidedOn = decidedOn;
      this.start = start;
      this.end = end;
      return this;
    }

    public Pathway accompaniedBy(String associationId) {
      this.associationId = associationId;
      return this;
    }

    public String dossierId() {
      return dossierId;
    }

    public LocalDate decidedOn() {
      return decidedOn;
    }

    public LocalDate start() {
      return start;
    }

    public LocalDate end() {
      return end;
    }

    /** The validation's JSON, valid against decision-service's contract. */
    public String json() {
      String json =
          VALIDATED
              .goldenSample()
              .replace(GOLDEN_DOSSIER_ID, dossierId)
              .replace(GOLDEN_PERSON_ID, UUID.randomUUID().toString())
              .replace("\"departmentCode\": \"31\"", "\"departmentCode\": \"" + departement + "\"")
              .replace("\"nationality\": \"NG\"", "\"nationality\": \"" + nationality + "\"")
              .replace("\"children\": 1", "\"children\": " + children)
              .replace("\"traffickingVictim\": true", "\"traffickingVictim\": " + traffickingVictim)
              .replace("\"procuringVictim\": false", "\"procuringVictim\": " + procuringVictim)
              .replace("\"decidedOn\": \"2019-04-18\"", "\"decidedOn\": \"" + decidedOn + "\"")
              .replace("\"startDate\": \"2019-05-01\"", "\"startDate\": \"" + start + "\"")
              .replace("\"endDate\": \"2019-10-31\"", "\"endDate\": \"" + end + "\"");
      json =
          associationId == null
              ? json.replaceAll(",\\s*\"associationId\"\\s*:\\s*\"[^\"]*\"", "")
              : json.replace(Beneficiaries.ASSOCIATION_ID, associationId);
      VALIDATED.assertValid(json);
      return json;
    }

    /** Publishes the validation on {@code decision.events}, with a new event id. */
    public Pathway publish() {
      TestEvents.send(
          DecisionEvents.TOPIC,
          UUID.randomUUID().toString(),
          PathwayValidated.TYPE,
          dossierId,
          json());
      return this;
    }
  }
}
