package fr.passerelle.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.edge.security.Role;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access matrix of decision-service (docs/security.md), called directly, bypassing the gateway:
 * every route, by every role, on its own département and on another one, and with no token or a bad
 * one. Allowed calls succeed; every other call is a 401 or a 403 problem that changes nothing and
 * names no dossier. The fixtures live in Haute-Garonne, so that a refused call on another
 * département's token would otherwise have found them and acted.
 */
@ServiceIntegrationTest
class DecisionAccessIT {

  private static final String OWN = Pathways.HAUTE_GARONNE;
  private static final String OTHER = Pathways.PARIS;

  /** The fixtures, created once for the whole table. */
  private static Fixtures fixtures;

  static {
    // Before the context starts, whichever test class starts it: its intake consumer reads it.
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /**
   * A session of Haute-Garonne's commission, and three dossiers each ready for the one allowed call
   * that changes it: one awaiting a session, one on the agenda, one with the commission's opinion.
   */
  private record Fixtures(
      String sessionId, String awaitingSession, String onAgenda, String withOpinion) {}

  @BeforeAll
  static void createFixturesOnce(@Autowired CommandGateway commands, @Autowired JdbcTemplate jdbc) {
    String sessionId = UUID.randomUUID().toString();
    Sessions.appointments(OWN).forEach(commands::sendAndWait);
    commands.sendAndWait(
        new OpenCommissionSessionCommand(
            sessionId,
            OWN,
            LocalDate.parse("2019-04-11"),
            OWN + "-m01",
            IntStream.rangeClosed(1, 14).mapToObj(n -> OWN + "-" + Sessions.memberId(n)).toList(),
            List.of(),
            null));
    var created =
        new Fixtures(sessionId, registered(commands), registered(commands), registered(commands));
    commands.sendAndWait(new PlaceOnAgendaCommand(created.onAgenda(), OWN, sessionId));
    commands.sendAndWait(new PlaceOnAgendaCommand(created.withOpinion(), OWN, sessionId));
    commands.sendAndWait(
        new RecordOpinionCommand(
            created.withOpinion(), OWN, sessionId, Opinion.FAVOURABLE, 12, 1, 1, true, List.of()));
    fixtures = created;
    // The session's minutes follow its events.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM session_minutes WHERE session_id = ?",
                        Long.class,
                        sessionId)
                    == 1);
    // The pathways' view (which the association's ownership is read from) follows the events.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM pathway_view WHERE dossier_id = ?",
                        Long.class,
                        created.awaitingSession())
                    == 1);
  }

  private static String registered(CommandGateway commands) {
    String dossierId = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterDossierCommand(
            dossierId, OWN, Pathways.SUBMITTED_AT, Pathways.aProfile(), Pathways.SUBMITTED_ON));
    return dossierId;
  }

  /** Each decision-service route, what a call changes, and who may make it. */
  enum Route {
    PENDING_DOSSIERS(
        "GET",
        f -> "/commission/pending-dossiers",
        f -> null,
        200,
        Role.SECRETARIAT,
        Role.PREFECTURE),
    OPEN_SESSION(
        "POST",
        f -> "/commission/sessions",
        f -> Sessions.aSessionBody(OWN, "2019-04-11"),
        201,
        Role.SECRETARIAT),
    PLACE_ON_AGENDA(
        "POST",
        f -> "/commission/sessions/" + f.sessionId() + "/agenda",
        f -> "{\"dossierId\":\"" + f.awaitingSession() + "\"}",
        204,
        Role.SECRETARIAT),
    RECORD_OPINION(
        "POST",
        f -> "/commission/sessions/" + f.sessionId() + "/opinions",
        f ->
            """
            {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":12,"votesAgainst":1,\
            "abstentions":1,"chairVotedFor":true}"""
                .formatted(f.onAgenda()),
        201,
        Role.SECRETARIAT),
    AGENDA_BATCH(
        "POST",
        f -> "/commission/sessions/" + f.sessionId() + "/agenda/batch",
        f -> "{\"dossierIds\":[\"no-such-dossier\"]}",
        200,
        Role.SECRETARIAT),
    OPINIONS_BATCH(
        "POST",
        f -> "/commission/sessions/" + f.sessionId() + "/opinions/batch",
        f ->
            """
            {"opinions":[{"dossierId":"no-such-dossier","opinion":"FAVOURABLE","votesFor":12,\
            "votesAgainst":1,"abstentions":1,"chairVotedFor":true}]}""",
        200,
        Role.SECRETARIAT),
    APPOINT_MEMBER(
        "POST",
        f -> "/commission/members",
        f ->
            "{\"name\":\"Le directeur de la sécurité publique\",\"category\":\"POLICE_GENDARMERIE\"}",
        201,
        Role.SECRETARIAT),
    MEMBERS(
        "GET",
        f -> "/commission/members",
        f -> null,
        200,
        Role.SECRETARIAT,
        Role.PREFECTURE,
        Role.AUDITOR),
    MINUTES(
        "GET",
        f -> "/commission/sessions/" + f.sessionId() + "/minutes.pdf",
        f -> null,
        200,
        Role.SECRETARIAT,
        Role.PREFECTURE,
        Role.AUDITOR),
    DECIDE(
        "POST",
        f -> "/prefecture/decisions",
        f ->
            """
            {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"2019-04-18",\
            "startDate":"2019-05-01","motivation":"Engagements signés"}"""
                .formatted(f.withOpinion()),
        201,
        Role.PREFECTURE),
    PATHWAY(
        "GET",
        f -> "/pathways/" + f.awaitingSession(),
        f -> null,
        200,
        Role.ASSOCIATION,
        Role.SECRETARIAT,
        Role.PREFECTURE,
        Role.AUDITOR),
    PATHWAYS_TO_DO(
        "GET",
        f -> "/pathways/todo",
        f -> null,
        200,
        Role.ASSOCIATION,
        Role.SECRETARIAT,
        Role.PREFECTURE);

    final String method;
    final Function<Fixtures, String> path;
    final Function<Fixtures, String> body;
    final int success;
    final Set<Role> allowed;

    Route(
        String method,
        Function<Fixtures, String> path,
        Function<Fixtures, String> body,
        int success,
        Role first,
        Role... others) {
      this.method = method;
      this.path = path;
      this.body = body;
      this.success = success;
      this.allowed = EnumSet.of(first, others);
    }

    HttpResponse<String> call(TestHttp http, Fixtures f) {
      String uri = "/api/departements/" + OWN + path.apply(f);
      return "GET".equals(method) ? http.get(uri) : http.postJson(uri, body.apply(f));
    }
  }

  /** A caller: their token, and the status the route answers them. */
  record Case(Route route, String caller, String token, int expected) {
    @Override
    public String toString() {
      return route + " by " + caller + " → " + expected;
    }
  }

  static Stream<Case> everyRouteByEveryCaller() {
    List<Case> cases = new ArrayList<>();
    for (Route route : Route.values()) {
      for (Role role : Role.values()) {
        for (String departement : List.of(OWN, OTHER)) {
          boolean allowed = route.allowed.contains(role) && departement.equals(OWN);
          cases.add(
              new Case(
                  route,
                  role + " of " + departement,
                  tokenOf(role, departement),
                  allowed ? route.success : 403));
        }
      }
      String role = route.allowed.iterator().next().name();
      cases.add(new Case(route, "no token", null, 401));
      cases.add(new Case(route, "expired " + role, TestTokens.expired(role, OWN), 401));
      cases.add(new Case(route, "forged " + role, TestTokens.signedByAnotherKey(role, OWN), 401));
      cases.add(
          new Case(
              route,
              role + " for another audience",
              TestTokens.forAnotherAudience(role, OWN),
              401));
    }
    return cases.stream();
  }

  private static String tokenOf(Role role, String departement) {
    return role == Role.ASSOCIATION
        ? TestTokens.association(Pathways.ASSOCIATION, departement)
        : TestTokens.staff(role.name(), departement);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRouteByEveryCaller")
  void eachCallerGetsWhatTheMatrixAllowsAndNothingElse(Case call) {
    TestHttp http = TestHttp.onPort(port);
    long eventsBefore = storedEvents();

    var response = call.route().call(call.token() == null ? http : http.as(call.token()), fixtures);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(call.expected());
    if (call.expected() == call.route().success) {
      return;
    }
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + call.expected());
    // The problem names the path called as its instance (its session, or the dossier read), and
    // besides that never a dossier.
    assertThat(response.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
        .doesNotContain(fixtures.awaitingSession(), fixtures.onAgenda(), fixtures.withOpinion());
    assertThat(storedEvents()).as("events stored").isEqualTo(eventsBefore);
  }

  private long storedEvents() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }
}
