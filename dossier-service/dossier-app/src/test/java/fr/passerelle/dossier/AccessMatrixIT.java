package fr.passerelle.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.route.ServiceName;
import fr.passerelle.edge.security.Role;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The route table's lines for dossier-service, route by route, role by role, on the caller's own
 * département and on another, and with no or invalid tokens. Calls go straight to the service, as a
 * request bypassing the gateway would: the service checks everything itself. Allowed calls succeed;
 * every other gets 401 or 403, says nothing of the person and changes nothing.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

  private static final String DEPARTEMENT = "31";
  private static final String OTHER_DEPARTEMENT = "75";
  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");
  private static final String[] PERSONAL_DATA = {
    "Okafor", "Blessing", "1994-05-02", "+33 6 12 34 56 78", "b.okafor@example.org"
  };

  /**
   * How to call each route of dossier-service; who may call it comes from the route table ({@link
   * Routes}), which the service enforces.
   */
  enum Route {
    APPROVE_ASSOCIATION("POST", "/associations"),
    LIST_ASSOCIATIONS("GET", "/associations"),
    RENEW_APPROVAL("POST", "/associations/{associationId}/approval-renewal"),
    APPROVALS_TO_DO("GET", "/associations/todo"),
    DRAFT("POST", "/dossiers"),
    REVISE("PUT", "/dossiers/{dossierId}"),
    SUBMIT("POST", "/dossiers/{dossierId}/submission"),
    WITHDRAW("POST", "/dossiers/{dossierId}/withdrawal"),
    READ("GET", "/dossiers/{dossierId}"),
    RENEW("POST", "/dossiers/{dossierId}/renewal-requests"),
    LIST_DOSSIERS("GET", "/dossiers"),
    REQUEST_ERASURE("POST", "/dossiers/{dossierId}/erasure-request"),
    CONFIRM_ERASURE("POST", "/dossiers/{dossierId}/erasure-request/confirmation"),
    ERASURES_DUE("GET", "/erasures-due");

    final String method;
    final String path;
    final boolean ofADossier;

    Route(String method, String path) {
      this.method = method;
      this.path = path;
      this.ofADossier = path.contains("{dossierId}");
    }

    /** This route's line of the route table. */
    fr.passerelle.edge.route.Route line() {
      return Routes.of(ServiceName.DOSSIER).stream()
          .filter(
              line ->
                  line.method().name().equals(method)
                      && line.path().equals("/api/departements/{departmentCode}" + path))
          .findFirst()
          .orElseThrow(() -> new AssertionError(this + " is in no line of the route table"));
    }

    boolean allows(Role role) {
      return line().allows(role);
    }

    boolean logged() {
      return line().personalData().logged();
    }

    boolean changesTheDossier() {
      return this == SUBMIT || this == WITHDRAW || this == REQUEST_ERASURE || this == RENEW;
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /** Created once: two approved associations of the département, a dossier of the first. */
  private String associationId;

  private String otherAssociationId;
  private String dossierId;

  @BeforeAll
  void fixtures() {
    associationId = approveAssociation();
    otherAssociationId = approveAssociation();
    dossierId = draft(associationId);
  }

  @Test
  void everyLineOfTheRouteTableForThisServiceIsTested() {
    assertThat(Routes.of(ServiceName.DOSSIER))
        .containsExactlyInAnyOrderElementsOf(Stream.of(Route.values()).map(Route::line).toList());
  }

  Stream<Arguments> everyRouteRoleAndDepartement() {
    List<Arguments> cases = new ArrayList<>();
    for (Route route : Route.values()) {
      for (Role role : Role.values()) {
        cases.add(Arguments.of(route, role, DEPARTEMENT));
        cases.add(Arguments.of(route, role, OTHER_DEPARTEMENT));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} by {1} of département {2}")
  @MethodSource("everyRouteRoleAndDepartement")
  void eachRoleReachesWhatTheMatrixAllowsOnItsDepartementOnly(
      Route route, Role role, String callersDepartement) {
    boolean allowed = route.allows(role) && DEPARTEMENT.equals(callersDepartement);
    String target =
        !allowed || !route.changesTheDossier()
            ? dossierId
            : route == Route.RENEW ? submitted(associationId) : draft(associationId);
    if (allowed && route == Route.CONFIRM_ERASURE) {
      target = draft(associationId);
      requestErasure(target);
    }
    String token = token(role, callersDepartement);
    // each renewal of an approval renews a fresh one
    String association =
        allowed && route == Route.RENEW_APPROVAL ? approveAssociation() : associationId;

    if (allowed) {
      long logBefore = accessLogEntries(target, "READ");
      var response = call(route, token, DEPARTEMENT, target, association);
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
      if (route == Route.READ) {
        assertThat(accessLogEntries(target, "READ")).isEqualTo(logBefore + 1);
      }
    } else {
      assertRefused(403, route, token, DEPARTEMENT, target, associationId);
    }
  }

  Stream<Arguments> everyRouteAndInvalidToken() {
    List<Arguments> cases = new ArrayList<>();
    for (Route route : Route.values()) {
      cases.add(Arguments.of(route, "no token", null));
      cases.add(Arguments.of(route, "expired", TestTokens.expired("AUDITOR", DEPARTEMENT)));
      cases.add(
          Arguments.of(
              route, "bad signature", TestTokens.signedByAnotherKey("AUDITOR", DEPARTEMENT)));
      cases.add(
          Arguments.of(
              route, "wrong audience", TestTokens.forAnotherAudience("AUDITOR", DEPARTEMENT)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyRouteAndInvalidToken")
  void withoutAValidTokenNothingIsReachedEvenBypassingTheGateway(
      Route route, String what, String token) {
    assertRefused(401, route, token, DEPARTEMENT, dossierId, associationId);
  }

  Stream<Arguments> everyRouteOfAnAssociationsDossier() {
    return Stream.of(
            Route.DRAFT, Route.REVISE, Route.SUBMIT, Route.WITHDRAW, Route.READ, Route.RENEW)
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRouteOfAnAssociationsDossier")
  void anAssociationNeverReachesAnotherAssociationsDossierOfItsDepartement(Route route) {
    String token = TestTokens.association(otherAssociationId, DEPARTEMENT);

    // a draft naming the first association; the first association's dossier otherwise
    assertRefused(403, route, token, DEPARTEMENT, dossierId, associationId);
  }

  @Test
  void anAssociationRevisingItsDossierCannotHandItToAnotherAssociation() {
    assertRefused(
        403,
        Route.REVISE,
        TestTokens.association(associationId, DEPARTEMENT),
        DEPARTEMENT,
        dossierId,
        otherAssociationId);
  }

  @Test
  void aCallerWithoutTheDepartementCannotTellWhetherADossierExists() {
    String token = TestTokens.staff("SECRETARIAT", OTHER_DEPARTEMENT);

    var existing = call(Route.READ, token, DEPARTEMENT, dossierId, null);
    var missing = call(Route.READ, token, DEPARTEMENT, "no-such-dossier", null);
    var elsewhere =
        call(
            Route.READ,
            TestTokens.staff("SECRETARIAT", DEPARTEMENT),
            OTHER_DEPARTEMENT,
            dossierId,
            null);

    assertThat(existing.statusCode()).isEqualTo(403);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(withoutInstance(existing.body()))
        .isEqualTo(withoutInstance(missing.body()))
        .isEqualTo(withoutInstance(elsewhere.body()));
  }

  @Test
  void anAssociationListsItsOwnDossiersOnlyAndStaffListThemAll() {
    String othersDossier = draft(otherAssociationId);

    var own =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, DEPARTEMENT))
            .get("/api/departements/31/dossiers");
    var others =
        TestHttp.onPort(port)
            .as(TestTokens.association(otherAssociationId, DEPARTEMENT))
            .get("/api/departements/31/dossiers");
    var secretariat =
        TestHttp.onPort(port)
            .as(TestTokens.staff("SECRETARIAT", DEPARTEMENT))
            .get("/api/departements/31/dossiers");

    assertThat(own.body()).contains(dossierId).doesNotContain(othersDossier, otherAssociationId);
    assertThat(others.body()).contains(othersDossier).doesNotContain(dossierId);
    assertThat(secretariat.body()).contains(dossierId, othersDossier);
  }

  @Test
  void aListIsFilteredByAStatusDossiersHaveOrRefusedFieldByField() {
    var staff = TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", DEPARTEMENT));

    assertThat(staff.get("/api/departements/31/dossiers?status=DRAFT").body()).contains(dossierId);
    assertThat(staff.get("/api/departements/31/dossiers?status=SUBMITTED").body())
        .doesNotContain(dossierId);
    for (String status : List.of("%00", "draft", "EN_COURS")) {
      var refused = staff.get("/api/departements/31/dossiers?status=" + status);
      assertThat(refused.statusCode()).as(status).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("\"title\":\"Requête invalide\"", "\"field\":\"status\"");
    }
  }

  @Test
  void aDraftNamingNoAssociationIsTheCallersOwn() {
    var drafted =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, DEPARTEMENT))
            .postJson("/api/departements/31/dossiers", "{\"nationality\":\"NG\"}");

    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "SELECT association_id FROM dossier_summary WHERE dossier_id = ?",
                String.class,
                id(drafted)))
        .isEqualTo(associationId);
  }

  private void assertRefused(
      int status, Route route, String token, String department, String target, String bodyOf) {
    long events = domainEvents();
    long files = count("person_file");
    long associations = count("approved_association");
    long reads = accessLogEntries(target, "READ");
    long refusals = accessLogEntries(null, "REFUSED");

    var response = call(route, token, department, target, bodyOf);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":" + status, "\"title\":")
        .doesNotContain(PERSONAL_DATA);
    assertThat(domainEvents()).isEqualTo(events);
    assertThat(count("person_file")).isEqualTo(files);
    assertThat(count("approved_association")).isEqualTo(associations);
    assertThat(accessLogEntries(target, "READ")).isEqualTo(reads);
    // a refused attempt on a route of personal data leaves its entry in the access log
    assertThat(accessLogEntries(null, "REFUSED"))
        .isEqualTo(refusals + (status == 403 && route.logged() ? 1 : 0));
  }

  private HttpResponse<String> call(
      Route route, String token, String department, String target, String bodyOf) {
    TestHttp http = token == null ? TestHttp.onPort(port) : TestHttp.onPort(port).as(token);
    String routePath = route.path.replace("{dossierId}", target);
    if (route == Route.RENEW_APPROVAL) {
      routePath = routePath.replace("{associationId}", bodyOf);
    }
    String path = "/api/departements/" + department + routePath;
    String body =
        switch (route) {
          case APPROVE_ASSOCIATION -> Dossiers.anAssociationBody();
          case RENEW_APPROVAL ->
              "{\"approvedUntil\":\""
                  + java.time.LocalDate.now(Dossiers.FRANCE).plusYears(2)
                  + "\"}";
          case REQUEST_ERASURE -> Dossiers.anErasureRequestBody();
          default -> Dossiers.aCompleteDossierBody(bodyOf);
        };
    return switch (route.method) {
      case "GET" -> http.get(path);
      case "PUT" -> http.putJson(path, body);
      case "POST" ->
          http.postJson(
              path,
              route == Route.RENEW
                  ? Dossiers.aRenewalBody(java.time.LocalDate.now(Dossiers.FRANCE))
                  : route.ofADossier && route != Route.REQUEST_ERASURE ? "" : body);
      default -> throw new IllegalArgumentException(route.method);
    };
  }

  /** A member of the fixture's association, or of staff, acting on {@code departement}. */
  private String token(Role role, String departement) {
    return role == Role.ASSOCIATION
        ? TestTokens.association(associationId, departement)
        : TestTokens.staff(role.name(), departement);
  }

  /** The events of the dossiers and associations, not the access log's entries. */
  private long domainEvents() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type <> ?",
        Long.class,
        AccessRecorded.class.getName());
  }

  /** A pending erasure request on {@code dossier}, recorded by its association. */
  private void requestErasure(String dossier) {
    var requested =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, DEPARTEMENT))
            .postJson(
                "/api/departements/31/dossiers/" + dossier + "/erasure-request",
                Dossiers.anErasureRequestBody());
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
  }

  private String approveAssociation() {
    var approved =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", DEPARTEMENT))
            .postJson("/api/departements/31/associations", Dossiers.anAssociationBody());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    return id(approved);
  }

  private String draft(String association) {
    var drafted =
        TestHttp.onPort(port)
            .as(TestTokens.association(association, DEPARTEMENT))
            .postJson("/api/departements/31/dossiers", Dossiers.aCompleteDossierBody(association));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    return id(drafted);
  }

  /** A dossier of {@code association}, submitted: its pathway may be renewed. */
  private String submitted(String association) {
    String dossier = draft(association);
    var submission =
        TestHttp.onPort(port)
            .as(TestTokens.association(association, DEPARTEMENT))
            .postJson("/api/departements/31/dossiers/" + dossier + "/submission", "");
    assertThat(submission.statusCode()).as(submission.body()).isEqualTo(200);
    return dossier;
  }

  /** The problem's body but the path and request id it echoes. */
  static String withoutInstance(String problem) {
    return problem.replaceAll("\"(instance|requestId)\":\"[^\"]*\"", "");
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  /** Entries of the access log with {@code outcome}, of {@code dossier} when given. */
  private long accessLogEntries(String dossier, String outcome) {
    return jdbc.queryForObject(
        """
        SELECT count(*) FROM domain_event_entry
        WHERE payload_type = ?
          AND convert_from(payload, 'UTF8')::jsonb ->> 'outcome' = ?
          AND (CAST(? AS VARCHAR) IS NULL
               OR convert_from(payload, 'UTF8')::jsonb ->> 'dossierId' = ?)
        """,
        Long.class,
        AccessRecorded.class.getName(),
        outcome,
        dossier,
        dossier);
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }
}
