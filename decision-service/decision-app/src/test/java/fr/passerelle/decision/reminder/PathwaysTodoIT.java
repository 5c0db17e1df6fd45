package fr.passerelle.decision.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.Pathways;
import fr.passerelle.decision.Sessions;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestClock;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The to-do lists of the pathways on a clock the test moves: a renewal shows 30 days before the
 * term's last day for the accompanying association, the secretariat and the préfecture of the
 * département, and no one else; once asked, the request waits for a session on the secretariat's
 * list, then for the préfet's decision on the préfecture's; the renewed term's own renewal shows 30
 * days before it ends, and not after its last day. An overseas département's list turns with its
 * own days, not Paris's.
 */
@ServiceIntegrationTest
class PathwaysTodoIT {

  private static final EventContract SUBMITTED = EventContract.of(DossierSubmitted.TYPE);
  private static final String GOLDEN_DOSSIER_ID = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";
  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");
  private static final String OTHER_ASSOCIATION = "0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b";

  @LocalServerPort int port;
  @Autowired TestClock clock;

  @BeforeAll
  static void dossierTopicExists() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
  }

  @Autowired CommandGateway commands;

  @BeforeEach
  void commissionIsNamed() {
    Sessions.appointments("31").forEach(commands::sendAndWait);
  }

  @AfterEach
  void backToTheRealTime() {
    clock.set(Instant.now());
  }

  @Test
  void eachStepOfARenewalIsOnTheListOfWhoeverMustTakeItAndOnNoOneElses() {
    clock.setDay(LocalDate.parse("2019-04-18"));
    String dossierId = submitted();
    String sessionId = openSession("2019-04-11");
    assertThat(secretariat().postJson(sessionPath(sessionId, "agenda"), dossier(dossierId)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(204);
    assertThat(secretariat().postJson(sessionPath(sessionId, "opinions"), opinion(dossierId)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(201);
    assertThat(awaitTodo(prefecture(), body -> body.contains(dossierId)))
        .contains(item("DECISION_DUE", dossierId, "2019-04-11", "2019-04-11"));
    var authorised =
        prefecture()
            .postJson(
                "/api/departements/31/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"2019-04-18",\
                "startDate":"2019-05-01","motivation":"Engagements signés"}"""
                    .formatted(dossierId));
    assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(201);
    awaitTodo(prefecture(), body -> !body.contains(dossierId));

    // the term ends on 31 October: its renewal shows from 1 October
    clock.setDay(LocalDate.parse("2019-09-30"));
    assertThat(todo(association())).doesNotContain(dossierId);
    assertThat(todo(secretariat())).doesNotContain(dossierId);
    clock.setDay(LocalDate.parse("2019-10-01"));
    String due = item("RENEWAL_DUE", dossierId, "2019-10-31", "2019-10-01");
    assertThat(todo(association())).contains(due);
    assertThat(todo(secretariat())).contains(due);
    assertThat(todo(prefecture())).contains(due);
    assertThat(todo(as(TestTokens.association(OTHER_ASSOCIATION, "31")))).doesNotContain(dossierId);
    assertThat(todo(as(TestTokens.staff("PREFECTURE", "75")), "75")).doesNotContain(dossierId);
    assertThat(
            as(TestTokens.staff("PREFECTURE", "75"))
                .get("/api/departements/31/pathways/todo")
                .statusCode())
        .isEqualTo(403);

    // asked: the association's part is done, the secretariat's begins
    clock.setDay(LocalDate.parse("2019-10-02"));
    requestRenewal(dossierId, "2019-10-02");
    String awaitingSession =
        item("RENEWAL_AWAITING_SESSION", dossierId, "2019-10-31", "2019-10-02");
    assertThat(awaitTodo(secretariat(), body -> body.contains(awaitingSession)))
        .doesNotContain("RENEWAL_DUE\",\"subject\":\"" + dossierId);
    assertThat(todo(association())).doesNotContain(dossierId);
    assertThat(todo(prefecture())).doesNotContain(dossierId);

    clock.setDay(LocalDate.parse("2019-10-17"));
    String renewalSession = openSession("2019-10-10");
    assertThat(secretariat().postJson(sessionPath(renewalSession, "agenda"), dossier(dossierId)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(204);
    awaitTodo(secretariat(), body -> !body.contains(dossierId));
    assertThat(secretariat().postJson(sessionPath(renewalSession, "opinions"), opinion(dossierId)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(201);
    awaitTodo(
        prefecture(),
        body -> body.contains(item("DECISION_DUE", dossierId, "2019-10-31", "2019-10-10")));

    var renewed =
        prefecture()
            .postJson(
                "/api/departements/31/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"RENEW","decidedOn":"2019-10-17"}"""
                    .formatted(dossierId));
    assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
    awaitTodo(prefecture(), body -> !body.contains(dossierId));
    assertThat(todo(association())).doesNotContain(dossierId);

    // the renewed term ends on 30 April 2020: its own renewal shows from 31 March to that day
    clock.setDay(LocalDate.parse("2020-03-30"));
    assertThat(todo(association())).doesNotContain(dossierId);
    clock.setDay(LocalDate.parse("2020-03-31"));
    assertThat(todo(association()))
        .contains(item("RENEWAL_DUE", dossierId, "2020-04-30", "2020-03-31"));
    clock.setDay(LocalDate.parse("2020-04-30"));
    assertThat(todo(association())).contains(dossierId);
    clock.setDay(LocalDate.parse("2020-05-01"));
    assertThat(todo(association())).doesNotContain(dossierId);
    assertThat(todo(secretariat())).doesNotContain(dossierId);
  }

  @Test
  void aRenewalShowsFromItsFirstDayInLaReunionWhileParisIsStillOnTheDayBefore() {
    String reunion = Pathways.LA_REUNION;
    Sessions.appointments(reunion).forEach(commands::sendAndWait);
    clock.setDay(LocalDate.parse("2019-04-18"));
    String dossierId = submitted(reunion);
    String sessionId = openSession(reunion, "2019-04-11");
    assertThat(
            secretariat(reunion)
                .postJson(sessionPath(reunion, sessionId, "agenda"), dossier(dossierId)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(204);
    assertThat(
            secretariat(reunion)
                .postJson(sessionPath(reunion, sessionId, "opinions"), opinion(dossierId)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(201);
    awaitTodo(prefecture(reunion), reunion, body -> body.contains(dossierId));
    var authorised =
        prefecture(reunion)
            .postJson(
                "/api/departements/974/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"2019-04-18",\
                "startDate":"2019-05-01","motivation":"Engagements signés"}"""
                    .formatted(dossierId));
    assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(201);

    // the term ends on 31 October: its renewal shows from 1 October, La Réunion's day
    clock.set(Instant.parse("2019-09-30T21:30:00Z")); // 23:30 in Paris, 01:30 in La Réunion
    awaitTodo(
        association(reunion),
        reunion,
        body -> body.contains(item("RENEWAL_DUE", dossierId, "2019-10-31", "2019-10-01")));
    clock.set(Instant.parse("2019-09-30T19:30:00Z")); // 23:30 on 30 September in La Réunion
    assertThat(todo(association(reunion), reunion)).doesNotContain(dossierId);
  }

  private static String item(String kind, String dossierId, String dueOn, String since) {
    return "{\"kind\":\"%s\",\"subject\":\"%s\",\"dueOn\":\"%s\",\"since\":\"%s\"}"
        .formatted(kind, dossierId, dueOn, since);
  }

  private String todo(TestHttp caller) {
    return todo(caller, "31");
  }

  private String todo(TestHttp caller, String departement) {
    var response = caller.get("/api/departements/" + departement + "/pathways/todo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private String awaitTodo(TestHttp caller, Predicate<String> ready) {
    return awaitTodo(caller, "31", ready);
  }

  private String awaitTodo(TestHttp caller, String departement, Predicate<String> ready) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> todo(caller, departement), ready);
  }

  private String submitted() {
    return submitted("31");
  }

  private String submitted(String departement) {
    String dossierId = UUID.randomUUID().toString();
    String json =
        SUBMITTED
            .goldenSample()
            .replace(GOLDEN_DOSSIER_ID, dossierId)
            .replace("\"departmentCode\": \"31\"", "\"departmentCode\": \"" + departement + "\"");
    SUBMITTED.assertValid(json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), DossierSubmitted.TYPE, dossierId, json);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                secretariat(departement)
                    .get("/api/departements/" + departement + "/commission/pending-dossiers")
                    .body(),
            body -> body.contains(dossierId));
    return dossierId;
  }

  private void requestRenewal(String dossierId, String requestedOn) {
    String json =
        """
        {"dossierId":"%s","departmentCode":"31","requestId":"%s","associationId":"%s",\
        "requestedOn":"%s"}"""
            .formatted(dossierId, UUID.randomUUID(), Pathways.ASSOCIATION, requestedOn);
    EventContract.of(RenewalRequested.TYPE).assertValid(json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), RenewalRequested.TYPE, dossierId, json);
  }

  private String openSession(String date) {
    return openSession("31", date);
  }

  private String openSession(String departement, String date) {
    var response =
        secretariat(departement)
            .postJson(
                "/api/departements/" + departement + "/commission/sessions",
                Sessions.aSessionBody(departement, date));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Matcher id = SESSION_ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private static String sessionPath(String sessionId, String what) {
    return sessionPath("31", sessionId, what);
  }

  private static String sessionPath(String departement, String sessionId, String what) {
    return "/api/departements/" + departement + "/commission/sessions/" + sessionId + "/" + what;
  }

  private static String dossier(String dossierId) {
    return "{\"dossierId\":\"" + dossierId + "\"}";
  }

  private static String opinion(String dossierId) {
    return """
        {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":12,"votesAgainst":2,\
        "abstentions":%d,"chairVotedFor":true}"""
        .formatted(dossierId, Sessions.VOTERS - 14);
  }

  private TestHttp as(String token) {
    return TestHttp.onPort(port).as(token);
  }

  private TestHttp association() {
    return association("31");
  }

  private TestHttp association(String departement) {
    return as(TestTokens.association(Pathways.ASSOCIATION, departement));
  }

  private TestHttp secretariat() {
    return secretariat("31");
  }

  private TestHttp secretariat(String departement) {
    return as(TestTokens.staff("SECRETARIAT", departement));
  }

  private TestHttp prefecture() {
    return prefecture("31");
  }

  private TestHttp prefecture(String departement) {
    return as(TestTokens.staff("PREFECTURE", departement));
  }
}
