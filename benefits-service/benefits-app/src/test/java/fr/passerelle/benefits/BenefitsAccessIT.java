package fr.passerelle.benefits;

import static fr.passerelle.benefits.BenefitsApi.aPathway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.edge.route.PersonalData;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.route.ServiceName;
import fr.passerelle.edge.security.Role;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The route table's lines for benefits-service (docs/security.md), called straight on the service
 * as a client bypassing the gateway would: every route, by every role, on its own and another
 * département, for a beneficiary of its own association, of another one or of none, and with no or
 * an invalid token. Allowed calls succeed, each on a beneficiary in the state the decision needs;
 * every other gets exactly 401 or 403, a problem, and changes nothing. Reads and writes of rights,
 * and refusals of them, are in the access log.
 */
@BenefitsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenefitsAccessIT {

  private static final String OWN_DEPARTEMENT = "68";
  private static final String OTHER_DEPARTEMENT = "69";
  private static final String OWN_ASSOCIATION = Beneficiaries.ASSOCIATION_ID;
  private static final String OTHER_ASSOCIATION = "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b";
  private static final Pattern ID = Pattern.compile("\"(?:requestId|id|runId)\":\"([^\"]+)\"");

  /** Whose beneficiary the call reaches, seen from an association of {@link #OWN_ASSOCIATION}. */
  enum Accompanied {
    BY_OWN_ASSOCIATION,
    BY_OTHER_ASSOCIATION,
    BY_NO_KNOWN_ASSOCIATION
  }

  /** What a beneficiary must have for a decision on it to succeed. */
  enum State {
    NONE,
    REGISTERED,
    PERMIT_ISSUED,
    AFIS_REQUESTED,
    AFIS_GRANTED,
    AFIS_SUSPENDED,
    EMPLOYED,
    IN_TRAINING
  }

  /** The routes of benefits-service: how to call each, and the state a successful call needs. */
  enum Route {
    RIGHTS_VIEW("GET", "/beneficiaries/{dossierId}", State.NONE, null, HttpStatus.OK),
    PERMIT_ISSUE(
        "POST",
        "/beneficiaries/{dossierId}/permit",
        State.REGISTERED,
        """
        {"decidedOn":"2019-04-18","validFrom":"2019-04-18","validUntil":"2019-10-17",
         "ceasedProstitution":true}""",
        HttpStatus.OK),
    PERMIT_RENEWAL(
        "POST",
        "/beneficiaries/{dossierId}/permit/renewal",
        State.PERMIT_ISSUED,
        """
        {"decidedOn":"2019-10-01","validUntil":"2020-04-17","ceasedProstitution":true}""",
        HttpStatus.OK),
    PERMIT_REFUSAL(
        "POST",
        "/beneficiaries/{dossierId}/permit/refusal",
        State.REGISTERED,
        "{\"decidedOn\":\"2019-04-20\",\"reason\":\"PUBLIC_ORDER\"}",
        HttpStatus.OK),
    PERMIT_WITHDRAWAL(
        "POST",
        "/beneficiaries/{dossierId}/permit/withdrawal",
        State.PERMIT_ISSUED,
        "{\"decidedOn\":\"2019-06-01\"}",
        HttpStatus.OK),
    AFIS_REQUEST(
        "POST",
        "/beneficiaries/{dossierId}/afis/requests",
        State.REGISTERED,
        """
        {"requestedOn":"2019-04-18","children":1,"previousMonthResources":0,
         "receivesRsa":false,"receivesAda":false}""",
        HttpStatus.CREATED),
    AFIS_DECISION(
        "POST",
        "/beneficiaries/{dossierId}/afis/requests/{requestId}/decision",
        State.AFIS_REQUESTED,
        "{\"decidedOn\":\"2019-04-18\"}",
        HttpStatus.OK),
    AFIS_SUSPENSION(
        "POST",
        "/beneficiaries/{dossierId}/afis/suspension",
        State.AFIS_GRANTED,
        "{\"decidedOn\":\"2019-06-10\",\"reason\":\"COMMITMENTS_BROKEN\"}",
        HttpStatus.OK),
    AFIS_RESUMPTION(
        "POST",
        "/beneficiaries/{dossierId}/afis/resumption",
        State.AFIS_SUSPENDED,
        "{\"decidedOn\":\"2019-07-10\"}",
        HttpStatus.OK),
    AFIS_STOP(
        "POST",
        "/beneficiaries/{dossierId}/afis/stop",
        State.AFIS_GRANTED,
        "{\"decidedOn\":\"2019-06-10\",\"reason\":\"CONDITIONS_NO_LONGER_MET\"}",
        HttpStatus.OK),
    HOUSEHOLD(
        "POST",
        "/beneficiaries/{dossierId}/afis/household",
        State.AFIS_GRANTED,
        "{\"changedOn\":\"2019-06-10\",\"children\":2}",
        HttpStatus.OK),
    EMPLOYMENT(
        "POST",
        "/beneficiaries/{dossierId}/employment",
        State.REGISTERED,
        "{\"contractType\":\"CDI\",\"startDate\":\"2019-09-02\",\"weeklyHours\":35}",
        HttpStatus.CREATED),
    EMPLOYMENT_END(
        "POST",
        "/beneficiaries/{dossierId}/employment/{employmentId}/end",
        State.EMPLOYED,
        "{\"endDate\":\"2019-12-31\"}",
        HttpStatus.OK),
    TRAINING(
        "POST",
        "/beneficiaries/{dossierId}/training",
        State.REGISTERED,
        "{\"startDate\":\"2019-09-02\"}",
        HttpStatus.CREATED),
    TRAINING_END(
        "POST",
        "/beneficiaries/{dossierId}/training/{trainingId}/end",
        State.IN_TRAINING,
        "{\"endDate\":\"2019-12-31\"}",
        HttpStatus.OK),
    HOUSING(
        "POST",
        "/beneficiaries/{dossierId}/housing",
        State.REGISTERED,
        "{\"step\":\"SOCIAL_HOUSING\",\"from\":\"2019-09-02\"}",
        HttpStatus.CREATED),
    PERMITS_EXPIRING("GET", "/rights/permits/expiring", State.NONE, null, HttpStatus.OK),
    PAYMENT_PREVIEW(
        "GET", "/rights/payment-runs/preview?month=2019-06", State.NONE, null, HttpStatus.OK),
    PAYMENT_RUN_CONFIRM(
        "POST", "/rights/payment-runs", State.NONE, "{\"month\":\"2019-06\"}", HttpStatus.ACCEPTED),
    PAYMENT_RUNS("GET", "/rights/payment-runs?month=2019-06", State.NONE, null, HttpStatus.OK),
    PAYMENT_RUN("GET", "/rights/payment-runs/{runId}", State.NONE, null, HttpStatus.OK),
    TO_DO_LIST("GET", "/rights/todo", State.NONE, null, HttpStatus.OK);

    final String method;
    final String path;
    final State needs;
    final String body;
    final HttpStatus success;

    Route(String method, String path, State needs, String body, HttpStatus success) {
      this.method = method;
      this.path = path;
      this.needs = needs;
      this.body = body;
      this.success = success;
    }

    /** This route's line of the route table. */
    fr.passerelle.edge.route.Route line() {
      String template = "/api/departements/{departmentCode}" + path.replaceAll("\\?.*", "");
      return Routes.of(ServiceName.BENEFITS).stream()
          .filter(l -> l.method().name().equals(method) && l.path().equals(template))
          .findFirst()
          .orElseThrow(() -> new AssertionError(this + " is in no line of the route table"));
    }

    boolean ofABeneficiary() {
      return path.contains("{dossierId}");
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private BenefitsApi api;

  /** Beneficiaries created once, for the refused calls: by département, then by association. */
  private final Map<String, Map<Accompanied, String>> pool = new HashMap<>();

  private String runId;

  @BeforeAll
  void beneficiariesInBothDepartements() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    api = new BenefitsApi(port);
    for (String departement : List.of(OWN_DEPARTEMENT, OTHER_DEPARTEMENT)) {
      Map<Accompanied, String> byAssociation = new EnumMap<>(Accompanied.class);
      for (Accompanied accompanied : Accompanied.values()) {
        String dossierId = UUID.randomUUID().toString();
        aPathway(dossierId).in(departement).accompaniedBy(association(accompanied)).publish();
        byAssociation.put(accompanied, dossierId);
      }
      pool.put(departement, byAssociation);
    }
    pool.values().forEach(ids -> ids.values().forEach(this::awaitRegistered));
    HttpResponse<String> run =
        api.payingBody(OWN_DEPARTEMENT).postJson(runs(OWN_DEPARTEMENT), "{\"month\":\"2019-06\"}");
    runId = idIn(run.body());
    awaitCompleted(runId);
  }

  @Test
  void everyLineOfTheRouteTableForThisServiceIsTested() {
    assertThat(Routes.of(ServiceName.BENEFITS))
        .containsExactlyInAnyOrderElementsOf(Stream.of(Route.values()).map(Route::line).toList());
  }

  Stream<Call> everyRouteRoleDepartementAndAssociation() {
    List<Call> calls = new ArrayList<>();
    for (Route route : Route.values()) {
      for (Role role : Role.values()) {
        for (String departement : List.of(OWN_DEPARTEMENT, OTHER_DEPARTEMENT)) {
          List<Accompanied> variants =
              role == Role.ASSOCIATION && route.ofABeneficiary()
                  ? List.of(Accompanied.values())
                  : List.of(Accompanied.BY_OWN_ASSOCIATION);
          for (Accompanied accompanied : variants) {
            calls.add(
                new Call(
                    route,
                    role,
                    role + " of " + OWN_DEPARTEMENT,
                    tokenOf(role),
                    departement,
                    accompanied));
          }
        }
      }
    }
    return calls.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRouteRoleDepartementAndAssociation")
  void theMatrixIsEnforcedByTheServiceItself(Call call) {
    boolean allowed =
        call.route.line().allows(call.role)
            && call.departement.equals(OWN_DEPARTEMENT)
            && (call.role != Role.ASSOCIATION
                || !call.route.ofABeneficiary()
                || call.accompanied == Accompanied.BY_OWN_ASSOCIATION);
    if (allowed) {
      assertSucceeds(call);
    } else {
      assertRefused(call, HttpStatus.FORBIDDEN);
    }
  }

  Stream<Call> invalidOrMissingTokens() {
    Map<String, String> tokens =
        Map.of(
            "no token", "",
            "an expired token", TestTokens.expired("PREFECTURE", OWN_DEPARTEMENT),
            "a token signed by another key",
                TestTokens.signedByAnotherKey("PREFECTURE", OWN_DEPARTEMENT),
            "a token for another audience",
                TestTokens.forAnotherAudience("PREFECTURE", OWN_DEPARTEMENT));
    List<Call> calls = new ArrayList<>();
    for (Route route : Route.values()) {
      tokens.forEach(
          (name, token) ->
              calls.add(
                  new Call(
                      route,
                      Role.PREFECTURE,
                      name,
                      token,
                      OWN_DEPARTEMENT,
                      Accompanied.BY_OWN_ASSOCIATION)));
    }
    return calls.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOrMissingTokens")
  void noValidTokenMeansUnauthenticated(Call call) {
    assertRefused(call, HttpStatus.UNAUTHORIZED);
  }

  /** An allowed call, on a beneficiary of its own in the state it needs: 2xx, logged. */
  private void assertSucceeds(Call call) {
    Target target = prepare(call.route.needs);
    long entriesBefore = accessLogEntries();

    HttpResponse<String> response = call.send(port, target.dossierId, target.pathId);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(call.route.success.value());
    long logged = accessLogEntries() - entriesBefore;
    PersonalData personalData = call.route.line().personalData();
    if (!personalData.logged()) {
      assertThat(logged).isZero();
    } else if (call.route.ofABeneficiary()) {
      assertThat(logged).isEqualTo(1);
    } else {
      // a list: one entry per beneficiary it shows or pays
      assertThat(logged).isEqualTo(listed(call.route, response.body()));
    }
    if (call.route == Route.PAYMENT_RUN_CONFIRM) {
      // its lines are paid after the answer: the calls after it count events once they are
      awaitCompleted(idIn(response.body()));
    }
  }

  /**
   * A refused call: the status, a problem, nothing changed, a refusal logged if it is of rights.
   */
  private void assertRefused(Call call, HttpStatus status) {
    String dossierId = pool.get(call.departement).get(call.accompanied);
    long eventsBefore = storedEvents();
    long entriesBefore = accessLogEntries();

    HttpResponse<String> response = call.send(port, dossierId, "any");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status.value());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(storedEvents()).isEqualTo(eventsBefore);
    boolean logged = call.route.line().personalData().logged() && status != HttpStatus.UNAUTHORIZED;
    assertThat(accessLogEntries() - entriesBefore).isEqualTo(logged ? 1 : 0);
  }

  /** A beneficiary of the own département, accompanied by the own association, as needed. */
  private Target prepare(State needs) {
    if (needs == State.NONE) {
      return new Target(pool.get(OWN_DEPARTEMENT).get(Accompanied.BY_OWN_ASSOCIATION), runId);
    }
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).in(OWN_DEPARTEMENT).publish();
    awaitRegistered(dossierId);
    String base = BenefitsApi.beneficiary(OWN_DEPARTEMENT, dossierId);
    TestHttp association = api.association(OWN_DEPARTEMENT);
    TestHttp prefecture = api.prefecture(OWN_DEPARTEMENT);
    String pathId = "any";
    if (needs == State.EMPLOYED) {
      pathId = idIn(association.postJson(base + "/employment", Route.EMPLOYMENT.body).body());
    }
    if (needs == State.IN_TRAINING) {
      pathId = idIn(association.postJson(base + "/training", Route.TRAINING.body).body());
    }
    if (needs.compareTo(State.PERMIT_ISSUED) >= 0 && needs.compareTo(State.AFIS_SUSPENDED) <= 0) {
      prefecture.postJson(base + "/permit", Route.PERMIT_ISSUE.body);
    }
    if (needs.compareTo(State.AFIS_REQUESTED) >= 0 && needs.compareTo(State.AFIS_SUSPENDED) <= 0) {
      pathId = idIn(association.postJson(base + "/afis/requests", Route.AFIS_REQUEST.body).body());
    }
    if (needs == State.AFIS_GRANTED || needs == State.AFIS_SUSPENDED) {
      prefecture.postJson(
          base + "/afis/requests/" + pathId + "/decision", Route.AFIS_DECISION.body);
    }
    if (needs == State.AFIS_SUSPENDED) {
      prefecture.postJson(base + "/afis/suspension", Route.AFIS_SUSPENSION.body);
    }
    return new Target(dossierId, pathId);
  }

  /** How many beneficiaries a list's call showed or paid, each an entry in the access log. */
  private static long listed(Route route, String body) {
    if (route == Route.PAYMENT_RUN_CONFIRM) {
      Matcher scheduled = Pattern.compile("\"scheduled\":(\\d+)").matcher(body);
      assertThat(scheduled.find()).isTrue();
      return Long.parseLong(scheduled.group(1));
    }
    String key = route == Route.TO_DO_LIST ? "\"subject\":\"" : "\"dossierId\":\"";
    long dossiers = 0;
    for (int at = body.indexOf(key); at >= 0; at = body.indexOf(key, at + 1)) {
      dossiers++;
    }
    if (route == Route.TO_DO_LIST) {
      dossiers -= countOf(body, "\"kind\":\"PAYMENT_RUN_DUE\"");
    }
    return dossiers;
  }

  private static long countOf(String body, String text) {
    long count = 0;
    for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
      count++;
    }
    return count;
  }

  private void awaitRegistered(String dossierId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT count(*) FROM beneficiary_rights WHERE dossier_id = ?",
                    Integer.class,
                    dossierId),
            count -> count == 1);
  }

  /** Waits until every line of the run of {@link #OWN_DEPARTEMENT} is paid or passed. */
  private void awaitCompleted(String run) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.payingBody(OWN_DEPARTEMENT).get(runs(OWN_DEPARTEMENT) + "/" + run),
            response ->
                response.statusCode() == 200
                    && response.body().contains("\"status\":\"COMPLETED\""));
  }

  private static String idIn(String body) {
    Matcher matcher = ID.matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }

  private static String association(Accompanied accompanied) {
    return switch (accompanied) {
      case BY_OWN_ASSOCIATION -> OWN_ASSOCIATION;
      case BY_OTHER_ASSOCIATION -> OTHER_ASSOCIATION;
      case BY_NO_KNOWN_ASSOCIATION -> null;
    };
  }

  private static String tokenOf(Role role) {
    return role == Role.ASSOCIATION
        ? TestTokens.association(OWN_ASSOCIATION, OWN_DEPARTEMENT)
        : TestTokens.staff(role.name(), OWN_DEPARTEMENT);
  }

  private static String runs(String departement) {
    return "/api/departements/" + departement + "/rights/payment-runs";
  }

  /** The beneficiaries' events, not the access log's entries. */
  private long storedEvents() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type <> ?",
        Long.class,
        AccessRecorded.class.getName());
  }

  private long accessLogEntries() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type = ?",
        Long.class,
        AccessRecorded.class.getName());
  }

  /** The beneficiary a call reaches, and the request, job or training its path names. */
  private record Target(String dossierId, String pathId) {}

  /** One request. */
  record Call(
      Route route,
      Role role,
      String caller,
      String token,
      String departement,
      Accompanied accompanied) {

    HttpResponse<String> send(int port, String dossierId, String pathId) {
      TestHttp http = TestHttp.onPort(port);
      if (!token.isEmpty()) {
        http = http.as(token);
      }
      String path =
          "/api/departements/"
              + departement
              + route
                  .path
                  .replace("{dossierId}", dossierId)
                  .replace("{requestId}", pathId)
                  .replace("{employmentId}", pathId)
                  .replace("{trainingId}", pathId)
                  .replace("{runId}", pathId);
      return route.method.equals("GET") ? http.get(path) : http.postJson(path, route.body);
    }

    @Override
    public String toString() {
      return "%s by %s on %s, beneficiary accompanied %s"
          .formatted(
              route, caller, departement, accompanied.name().toLowerCase().replace('_', ' '));
    }
  }
}
