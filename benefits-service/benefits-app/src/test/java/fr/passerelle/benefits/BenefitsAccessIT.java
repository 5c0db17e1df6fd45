package fr.passerelle.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.edge.Problems;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
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
 * an invalid token. Allowed calls succeed; every other gets exactly 401 or 403, a problem, and
 * changes nothing.
 */
@BenefitsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenefitsAccessIT {

  private static final String EMPLOYMENT =
      """
      {"contractType":"CDI","startDate":"2019-09-02","weeklyHours":35}""";
  private static final String OWN_DEPARTEMENT = "31";
  private static final String OTHER_DEPARTEMENT = "75";
  private static final String OWN_ASSOCIATION = Beneficiaries.ASSOCIATION_ID;
  private static final String OTHER_ASSOCIATION = "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b";

  /** Whose beneficiary the call reaches, seen from an association of {@link #OWN_ASSOCIATION}. */
  enum Accompanied {
    BY_OWN_ASSOCIATION,
    BY_OTHER_ASSOCIATION,
    BY_NO_KNOWN_ASSOCIATION
  }

  /** The routes of benefits-service, each with its line of the route table. */
  enum Route {
    RIGHTS_VIEW("GET", "/api/departements/{departmentCode}/beneficiaries/{dossierId}"),
    EMPLOYMENT("POST", "/api/departements/{departmentCode}/beneficiaries/{dossierId}/employment");

    final fr.passerelle.edge.route.Route line;

    Route(String method, String path) {
      this.line =
          Routes.of(ServiceName.BENEFITS).stream()
              .filter(l -> l.method().name().equals(method) && l.path().equals(path))
              .findFirst()
              .orElseThrow();
    }
  }

  /** The beneficiaries, created once: by département, then by accompanying association. */
  private static final Map<String, Map<Accompanied, String>> BENEFICIARIES =
      Map.of(OWN_DEPARTEMENT, beneficiaryIds(), OTHER_DEPARTEMENT, beneficiaryIds());

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void beneficiariesInBothDepartements() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    BENEFICIARIES.forEach(
        (departement, byAssociation) ->
            byAssociation.forEach(
                (accompanied, dossierId) -> validate(dossierId, departement, accompanied)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT count(*) FROM beneficiary_rights"
                        + " WHERE dossier_id IN (?, ?, ?, ?, ?, ?)",
                    Integer.class,
                    allIds()),
            shown -> shown == 6);
  }

  static Stream<Call> everyRouteRoleDepartementAndAssociation() {
    List<Call> calls = new ArrayList<>();
    for (Route route : Route.values()) {
      for (Role role : Role.values()) {
        for (String departement : List.of(OWN_DEPARTEMENT, OTHER_DEPARTEMENT)) {
          for (Accompanied accompanied : Accompanied.values()) {
            calls.add(
                new Call(
                    route,
                    role.name() + " of " + OWN_DEPARTEMENT,
                    tokenOf(role),
                    departement,
                    accompanied,
                    expected(route, role, departement, accompanied)));
          }
        }
      }
    }
    return calls.stream();
  }

  static Stream<Call> invalidOrMissingTokens() {
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
                      name,
                      token,
                      OWN_DEPARTEMENT,
                      Accompanied.BY_OWN_ASSOCIATION,
                      HttpStatus.UNAUTHORIZED)));
    }
    return calls.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRouteRoleDepartementAndAssociation")
  void theMatrixIsEnforcedByTheServiceItself(Call call) {
    check(call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOrMissingTokens")
  void noValidTokenMeansUnauthenticated(Call call) {
    check(call);
  }

  private void check(Call call) {
    long eventsBefore = storedEvents();
    long entriesBefore = accessLogEntries();

    HttpResponse<String> response = call.send(port);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(call.expected().value());
    long written = storedEvents() - eventsBefore;
    // each read of rights and each refused attempt at one is in the access log
    boolean logged =
        call.route().line.personalData().logged() && call.expected() != HttpStatus.UNAUTHORIZED;
    assertThat(accessLogEntries() - entriesBefore).isEqualTo(logged ? 1 : 0);
    if (call.expected().is2xxSuccessful()) {
      assertThat(written).isEqualTo(call.route() == Route.EMPLOYMENT ? 1 : 0);
      assertThat(response.body()).contains("\"dossierId\":\"" + call.dossierId() + "\"");
    } else {
      assertThat(written).as("nothing changed").isZero();
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body().replaceAll(",?\"instance\":\"[^\"]*\"", ""))
          .contains("\"status\":" + call.expected().value())
          .contains("\"title\":\"" + Problems.title(call.expected()) + "\"")
          .doesNotContain(call.dossierId());
    }
  }

  /** The route table: the rights view and the employment record. */
  private static HttpStatus expected(
      Route route, Role role, String departement, Accompanied accompanied) {
    boolean roleAllowed = route.line.allows(role);
    boolean ownDossier = role != Role.ASSOCIATION || accompanied == Accompanied.BY_OWN_ASSOCIATION;
    if (roleAllowed && departement.equals(OWN_DEPARTEMENT) && ownDossier) {
      return route == Route.RIGHTS_VIEW ? HttpStatus.OK : HttpStatus.CREATED;
    }
    return HttpStatus.FORBIDDEN;
  }

  private static String tokenOf(Role role) {
    return role == Role.ASSOCIATION
        ? TestTokens.association(OWN_ASSOCIATION, OWN_DEPARTEMENT)
        : TestTokens.staff(role.name(), OWN_DEPARTEMENT);
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

  /**
   * Publishes decision-service's golden sample for a new dossier in {@code departement}; with no
   * known association, as published before {@code associationId} was added.
   */
  private static void validate(String dossierId, String departement, Accompanied accompanied) {
    EventContract contract = EventContract.of(PathwayValidated.TYPE);
    String json =
        contract
            .goldenSample()
            .replace("5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11", dossierId)
            .replace("9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13", UUID.randomUUID().toString())
            .replace("\"departmentCode\": \"31\"", "\"departmentCode\": \"" + departement + "\"");
    json =
        switch (accompanied) {
          case BY_OWN_ASSOCIATION -> json;
          case BY_OTHER_ASSOCIATION -> json.replace(OWN_ASSOCIATION, OTHER_ASSOCIATION);
          case BY_NO_KNOWN_ASSOCIATION ->
              json.replaceAll(",\\s*\"associationId\"\\s*:\\s*\"[^\"]*\"", "");
        };
    assertThat(json).contains("\"departmentCode\": \"" + departement + "\"");
    contract.assertValid(json);
    TestEvents.send(
        DecisionEvents.TOPIC, UUID.randomUUID().toString(), PathwayValidated.TYPE, dossierId, json);
  }

  private static Map<Accompanied, String> beneficiaryIds() {
    Map<Accompanied, String> ids = new EnumMap<>(Accompanied.class);
    for (Accompanied accompanied : Accompanied.values()) {
      ids.put(accompanied, UUID.randomUUID().toString());
    }
    return ids;
  }

  private static Object[] allIds() {
    return BENEFICIARIES.values().stream().flatMap(ids -> ids.values().stream()).toArray();
  }

  /** One request and the status docs/security.md gives it. */
  record Call(
      Route route,
      String caller,
      String token,
      String departement,
      Accompanied accompanied,
      HttpStatus expected) {

    String dossierId() {
      return BENEFICIARIES.get(departement).get(accompanied);
    }

    HttpResponse<String> send(int port) {
      TestHttp http = TestHttp.onPort(port);
      if (!token.isEmpty()) {
        http = http.as(token);
      }
      String path = "/api/departements/" + departement + "/beneficiaries/" + dossierId();
      return switch (route) {
        case RIGHTS_VIEW -> http.get(path);
        case EMPLOYMENT -> http.postJson(path + "/employment", EMPLOYMENT);
      };
    }

    @Override
    public String toString() {
      return "%s by %s on %s, beneficiary accompanied %s: %d"
          .formatted(
              route,
              caller,
              departement,
              accompanied.name().toLowerCase().replace('_', ' '),
              expected.value());
    }
  }
}
