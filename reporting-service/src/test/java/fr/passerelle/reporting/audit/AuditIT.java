package fr.passerelle.reporting.audit;

import static fr.passerelle.reporting.audit.PublishedEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.audit.PublishedEvents.Published;
import fr.passerelle.reporting.audit.ledger.AuditLedger;
import fr.passerelle.reporting.audit.seal.DailySeals;
import fr.passerelle.reporting.audit.seal.ReportingOutbox;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditors' tools on the audit ledger, fed with events as their services publish them: a
 * dossier's history from every service in the order it was recorded, and chains that name the row
 * someone changed or removed in the database, while an erasure leaves them whole. Each test tampers
 * with rows of its own dossiers and puts them back, so the ledger is intact between tests.
 */
@ServiceIntegrationTest
class AuditIT {

  private static final Duration RECEIVED = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEPARTEMENT = "23";
  private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
  private static final String ERASED = "passerelle.dossier.personal-data-erased.v1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportingOutbox outbox;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AuditLedger ledger;

  @BeforeAll
  static void topicsExist() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }

  @Test
  void aDossiersHistoryComesFromEveryServiceInTheOrderItWasRecorded() {
    String dossier = UUID.randomUUID().toString();
    Published submitted =
        submitted(dossier).recordedAt(MORNING).by("association-23", "ASSOCIATION", "req-submit-1");
    Published opinion =
        opinion(dossier)
            .recordedAt(MORNING.plusSeconds(3_600))
            .by("secretariat-23", "SECRETARIAT", "req-opinion-1");
    Published validated =
        validated(dossier)
            .recordedAt(MORNING.plusSeconds(7_200))
            .by("prefecture-23", "PREFECTURE", "req-decision-1");
    Published permit = permit(dossier).recordedAt(MORNING.plusSeconds(10_800));
    Published read =
        accessRecorded(dossier, "2026-03-02T12:00:00Z").recordedAt(MORNING.plusSeconds(14_400));
    // the topics deliver in any order across services
    List.of(permit, validated, read, submitted, opinion).forEach(Published::send);

    JsonNode history = awaitHistory(auditor(), dossier, 5);

    assertThat(history.get("withAccessLog").asBoolean()).isTrue();
    assertThat(history.get("erased").asBoolean()).isFalse();
    List<JsonNode> entries = fromTheServices(history);
    assertThat(entries)
        .extracting(e -> e.get("type").asString())
        .containsExactly(
            DossierSubmitted.TYPE,
            OpinionRecorded.TYPE,
            PathwayValidated.TYPE,
            PermitIssued.TYPE,
            "read a dossier with the person's identity");
    assertThat(entries)
        .extracting(e -> e.get("kind").asString())
        .containsExactly("EVENT", "EVENT", "EVENT", "EVENT", "ACCESS");
    assertThat(entries)
        .extracting(e -> e.get("service").asString())
        .containsExactly(
            "dossier-service",
            "decision-service",
            "decision-service",
            "benefits-service",
            "dossier-service");
    assertThat(entries)
        .extracting(e -> e.get("domainDate").asString())
        .containsExactly("2019-03-14", "2019-04-11", "2019-04-18", "2019-04-25", "2026-03-02");
    assertThat(entries)
        .extracting(e -> e.get("recordedAt").asString())
        .containsExactly(
            "2026-03-02T08:00:00Z",
            "2026-03-02T09:00:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-02T11:00:00Z",
            "2026-03-02T12:00:00Z");
    assertThat(entries)
        .extracting(e -> e.get("requestId").asString(null))
        .containsExactly("req-submit-1", "req-opinion-1", "req-decision-1", null, "req-read-1");
    assertThat(entries)
        .extracting(e -> e.path("actor").path("subject").asString(null))
        .containsExactly(
            "association-23", "secretariat-23", "prefecture-23", null, "prefecture-23");
    assertThat(entries.get(2).get("actor").get("roles").get(0).asString()).isEqualTo("PREFECTURE");
    assertThat(entries.get(2).get("facts").get("decidedOn").asString()).isEqualTo("2019-04-18");
    assertThat(entries.get(2).get("person").get("nationality").asString()).isEqualTo("NG");
    assertThat(entries).allSatisfy(e -> assertThat(e.get("receivedAt").isNull()).isFalse());
    // the person's pseudonymous ids are never kept
    assertThat(history.toString())
        .doesNotContain("personId", "9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13");
    // and the auditor's own reads of the history are in it, last
    JsonNode last = history.get("entries").get(history.get("entries").size() - 1);
    assertThat(last.get("kind").asString()).isEqualTo("ACCESS");
    assertThat(last.get("service").asString()).isEqualTo("reporting-service");
    assertThat(last.get("actor").get("subject").asString()).isEqualTo("auditor-user");
    assertThat(last.get("facts").get("outcome").asString()).isEqualTo("READ");
  }

  @Test
  void theDepartementsStaffReadTheHistoryWithoutTheAccessLog() {
    String dossier = UUID.randomUUID().toString();
    submitted(dossier).send();
    accessRecorded(dossier, "2026-03-02T12:00:00Z").send();
    awaitHistory(auditor(), dossier, 2);

    HttpResponse<String> response = secretariat().get(historyOf(dossier));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode history = JSON.readTree(response.body());
    assertThat(history.get("withAccessLog").asBoolean()).isFalse();
    assertThat(history.get("entries").valueStream())
        .extracting(e -> e.get("kind").asString())
        .containsExactly("EVENT");
  }

  @Test
  void aDossierIsOnlyFoundInItsOwnDepartement() {
    String dossier = UUID.randomUUID().toString();
    submitted(dossier).send();
    awaitHistory(auditor(), dossier, 1);

    HttpResponse<String> elsewhere =
        TestHttp.onPort(port)
            .as(TestTokens.staff("AUDITOR", "24"))
            .get("/api/departements/24/dossiers/" + dossier + "/history");
    HttpResponse<String> unknown = auditor().get(historyOf(UUID.randomUUID().toString()));

    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).doesNotContain(dossier + "\",\"erased");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aRowChangedInTheDatabaseIsNamedAndTheChainsHoldAgainOnceItIsPutBack() {
    String dossier = aDossierOfThreeEvents();
    assertThat(verifyAll().get("intact").asBoolean()).as(verifyAll().toString()).isTrue();
    Map<String, Object> row = row(dossier, 2);
    long position = ((Number) row.get("position")).longValue();

    jdbc.update(
        "UPDATE public.audit_event SET facts = replace(facts, '2019-04-11', '2019-04-12')"
            + " WHERE position = ?",
        position);
    try {
      JsonNode all = verifyAll();
      assertThat(all.get("intact").asBoolean()).isFalse();
      assertThat(all.get("globalBreak").get("position").asLong()).isEqualTo(position);
      assertThat(all.get("globalBreak").get("reason").asString()).isEqualTo("ALTERED");
      assertThat(all.get("globalBreak").get("eventId").asString()).isEqualTo(row.get("event_id"));
      assertThat(all.get("subjectBreaks").valueStream())
          .anySatisfy(
              broken -> {
                assertThat(broken.get("subject").asString()).isEqualTo(dossier);
                assertThat(broken.get("subjectPosition").asInt()).isEqualTo(2);
                assertThat(broken.get("reason").asString()).isEqualTo("ALTERED");
              });
      JsonNode departement = verifyDepartement();
      assertThat(departement.get("intact").asBoolean()).isFalse();
      assertThat(departement.get("globalBreak").get("position").asLong()).isEqualTo(position);
    } finally {
      jdbc.update(
          "UPDATE public.audit_event SET facts = ? WHERE position = ?", row.get("facts"), position);
    }
    assertThat(verifyAll().get("intact").asBoolean()).isTrue();
  }

  @Test
  void aRowDeletedFromTheDatabaseIsNamedAsMissing() {
    String dossier = aDossierOfThreeEvents();
    Map<String, Object> row = row(dossier, 2);
    long position = ((Number) row.get("position")).longValue();

    jdbc.update("DELETE FROM public.audit_event WHERE position = ?", position);
    try {
      JsonNode all = verifyAll();
      assertThat(all.get("intact").asBoolean()).isFalse();
      assertThat(all.get("globalBreak").get("position").asLong()).isEqualTo(position);
      assertThat(all.get("globalBreak").get("reason").asString()).isEqualTo("MISSING");
      assertThat(all.get("subjectBreaks").valueStream())
          .anySatisfy(
              broken -> {
                assertThat(broken.get("subject").asString()).isEqualTo(dossier);
                assertThat(broken.get("subjectPosition").asInt()).isEqualTo(2);
                assertThat(broken.get("reason").asString()).isEqualTo("MISSING");
              });
      assertThat(verifyDepartement().get("intact").asBoolean()).isFalse();
    } finally {
      insert(row);
    }
    assertThat(verifyAll().get("intact").asBoolean()).isTrue();
  }

  @Test
  void anErasureIsNoBreakButAPersonsDataRemovedWithoutOneIs() {
    String erasedDossier = aDossierOfThreeEvents();
    String otherDossier = aDossierOfThreeEvents();

    TestEvents.send(
        DossierEvents.TOPIC,
        UUID.randomUUID().toString(),
        ERASED,
        erasedDossier,
        """
        {"dossierId":"%s","departmentCode":"%s","erasedOn":"2026-03-05","reason":"PERSON_REQUEST"}"""
            .formatted(erasedDossier, DEPARTEMENT),
        Map.of("ce_source", "/passerelle/dossier-service"));

    await()
        .atMost(RECEIVED)
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT count(*) FROM public.audit_event WHERE subject = ?"
                        + " AND (person_data IS NOT NULL OR event_type = ?)",
                    Long.class,
                    erasedDossier,
                    ERASED),
            count -> count == 1);
    assertThat(verifyAll().get("intact").asBoolean()).isTrue();
    JsonNode history = JSON.readTree(auditor().get(historyOf(erasedDossier)).body());
    assertThat(history.get("erased").asBoolean()).isTrue();
    assertThat(fromTheServices(history))
        .allSatisfy(entry -> assertThat(entry.get("person").isNull()).isTrue());
    assertThat(fromTheServices(history).get(3).get("facts").get("reason").asString())
        .isEqualTo("PERSON_REQUEST");

    Map<String, Object> row = row(otherDossier, 1);
    jdbc.update(
        "UPDATE public.audit_event SET person_data = NULL, person_salt = NULL WHERE position = ?",
        row.get("position"));
    try {
      JsonNode all = verifyAll();
      assertThat(all.get("subjectBreaks").valueStream())
          .anySatisfy(
              broken -> {
                assertThat(broken.get("subject").asString()).isEqualTo(otherDossier);
                assertThat(broken.get("reason").asString()).isEqualTo("PERSON_DATA_REMOVED");
              });
    } finally {
      jdbc.update(
          "UPDATE public.audit_event SET person_data = ?, person_salt = ? WHERE position = ?",
          row.get("person_data"),
          row.get("person_salt"),
          row.get("position"));
    }
    assertThat(verifyAll().get("intact").asBoolean()).isTrue();
  }

  @Test
  void theEventsOfOnePollAreChainedInTheirOrderAnErasureAmongThemIncluded() {
    String erasedDossier = UUID.randomUUID().toString();
    String otherDossier = UUID.randomUUID().toString();
    ReceivedEvent otherSubmitted = received(submitted(otherDossier));
    List<ReceivedEvent> poll =
        List.of(
            received(submitted(erasedDossier)),
            received(validated(erasedDossier)),
            otherSubmitted,
            received(
                new Published(
                    DossierEvents.TOPIC,
                    ERASED,
                    erasedDossier,
                    """
                    {"dossierId":"%s","departmentCode":"%s","erasedOn":"2026-03-05",\
                    "reason":"PERSON_REQUEST"}"""
                        .formatted(erasedDossier, DEPARTEMENT),
                    Map.of("ce_source", "/passerelle/dossier-service"))),
            received(permit(erasedDossier)),
            otherSubmitted);

    // as the event bus applies a poll: its events in one transaction
    new TransactionTemplate(transactions)
        .executeWithoutResult(status -> poll.forEach(ledger::append));

    List<Map<String, Object>> erased =
        jdbc.queryForList(
            "SELECT event_type, subject_position, person_data FROM public.audit_event"
                + " WHERE subject = ? ORDER BY position",
            erasedDossier);
    assertThat(erased)
        .extracting(row -> row.get("event_type"))
        .containsExactly(DossierSubmitted.TYPE, PathwayValidated.TYPE, ERASED, PermitIssued.TYPE);
    assertThat(erased).extracting(row -> row.get("subject_position")).containsExactly(1, 2, 3, 4);
    assertThat(erased).allSatisfy(row -> assertThat(row.get("person_data")).isNull());
    // the other dossier's event once, its person's data kept, between the erased dossier's
    List<Long> positions =
        jdbc.queryForList(
            "SELECT position FROM public.audit_event WHERE subject IN (?, ?) ORDER BY position",
            Long.class,
            erasedDossier,
            otherDossier);
    assertThat(positions).hasSize(5);
    assertThat(positions.get(4) - positions.get(0)).isEqualTo(4);
    assertThat(row(otherDossier, 1).get("position")).isEqualTo(positions.get(2));
    assertThat(row(otherDossier, 1).get("person_data")).isNotNull();
    assertThat(verifyAll().get("intact").asBoolean()).isTrue();
  }

  @Test
  void theSealsPublishedOnTheBusNameTheEndOfAHistoryThatWasCutShort() {
    aDossierOfThreeEvents();
    // the day is over for a clock one day ahead: today is sealed and published
    DailySeals tomorrow =
        new DailySeals(
            jdbc,
            new TransactionTemplate(transactions),
            Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
    tomorrow.sealDueDays();
    outbox.relay();
    JsonNode sealed = verifyAll();
    assertThat(sealed.get("sealsChecked").asLong()).isPositive();
    assertThat(sealed.get("intact").asBoolean()).isTrue();
    long lastSealed =
        jdbc.queryForObject(
            "SELECT last_position FROM public.audit_seal ORDER BY day DESC LIMIT 1", Long.class);
    long last = jdbc.queryForObject("SELECT max(position) FROM public.audit_event", Long.class);
    assertThat(last).as("nothing received since the seal").isEqualTo(lastSealed);
    Map<String, Object> tail =
        jdbc.queryForMap("SELECT * FROM public.audit_event WHERE position = ?", last);

    jdbc.update("DELETE FROM public.audit_event WHERE position = ?", last);
    try {
      JsonNode cut = verifyAll();
      assertThat(cut.get("intact").asBoolean()).isFalse();
      assertThat(cut.get("globalBreak").isNull()).as("the chain alone cannot tell").isTrue();
      assertThat(cut.get("sealBreak").get("position").asLong()).isEqualTo(last);
      assertThat(cut.get("sealBreak").get("reason").asString()).isEqualTo("TRUNCATED");
    } finally {
      insert(tail);
    }
    assertThat(verifyAll().get("intact").asBoolean()).isTrue();
  }

  @Test
  void theDaysAreSealedByARecurringTaskOfThePersistentScheduler() {
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM public.scheduled_tasks WHERE task_name = 'audit-seals'",
                Long.class))
        .isOne();
  }

  @Test
  void onlyAuditorsAndAdministratorsVerifyAndADepartementOnlyItsOwn() {
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("AUDITOR", "24"))
                .get("/api/departements/23/audit/verify")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("AUDITOR", "23"))
                .get("/api/audit/verify")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", "*"))
                .get("/api/audit/verify")
                .statusCode())
        .isEqualTo(403);
  }

  private String aDossierOfThreeEvents() {
    String dossier = UUID.randomUUID().toString();
    submitted(dossier).send();
    opinion(dossier).send();
    validated(dossier).send();
    await()
        .atMost(RECEIVED)
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT count(*) FROM public.audit_event WHERE subject = ?",
                    Long.class,
                    dossier),
            count -> count == 3);
    return dossier;
  }

  /** The row of {@code dossier}'s chain whose event is the {@code nth} it received. */
  private Map<String, Object> row(String dossier, int nth) {
    return jdbc.queryForMap(
        "SELECT * FROM public.audit_event WHERE subject = ? AND subject_position = ?",
        dossier,
        nth);
  }

  /** Puts back a row as it was. */
  private void insert(Map<String, Object> row) {
    List<String> columns = new ArrayList<>(row.keySet());
    jdbc.update(
        "INSERT INTO public.audit_event (%s) VALUES (%s)"
            .formatted(
                String.join(", ", columns),
                String.join(", ", columns.stream().map(c -> "?").toList())),
        columns.stream().map(row::get).toArray());
  }

  private JsonNode verifyAll() {
    HttpResponse<String> response =
        TestHttp.onPort(port).as(TestTokens.staff("AUDITOR", "*")).get("/api/audit/verify");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode verifyDepartement() {
    HttpResponse<String> response =
        auditor().get("/api/departements/" + DEPARTEMENT + "/audit/verify");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode awaitHistory(TestHttp caller, String dossier, int fromTheServices) {
    HttpResponse<String> response =
        await()
            .atMost(RECEIVED)
            .until(
                () -> caller.get(historyOf(dossier)),
                r ->
                    r.statusCode() == 200
                        && fromTheServices(JSON.readTree(r.body())).size() == fromTheServices);
    return JSON.readTree(response.body());
  }

  /** The entries of the services' events and access log, without reporting's own reads. */
  private static List<JsonNode> fromTheServices(JsonNode history) {
    return history
        .get("entries")
        .valueStream()
        .filter(entry -> !"reporting-service".equals(entry.get("service").asString()))
        .toList();
  }

  private static String historyOf(String dossier) {
    return "/api/departements/" + DEPARTEMENT + "/dossiers/" + dossier + "/history";
  }

  private TestHttp auditor() {
    return TestHttp.onPort(port).as(TestTokens.staff("AUDITOR", DEPARTEMENT));
  }

  private TestHttp secretariat() {
    return TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", DEPARTEMENT));
  }

  /** {@code published} as its consumer receives it, under a new event id. */
  private static ReceivedEvent received(Published published) {
    return new ReceivedEvent(
        UUID.randomUUID().toString(),
        published.type(),
        published.envelope().get("ce_source"),
        MORNING,
        published.dossierId(),
        published.json(),
        published.topic(),
        0,
        0);
  }

  private static Published submitted(String dossier) {
    return event(
        DossierEvents.TOPIC,
        "dossier-service",
        DossierSubmitted.TYPE,
        dossier,
        DEPARTEMENT,
        Map.of("submittedAt", "2019-03-14T09:30:00Z"));
  }

  private static Published opinion(String dossier) {
    return event(
        DecisionEvents.TOPIC,
        "decision-service",
        OpinionRecorded.TYPE,
        dossier,
        DEPARTEMENT,
        Map.of("sessionDate", "2019-04-11"));
  }

  private static Published validated(String dossier) {
    return event(
        DecisionEvents.TOPIC,
        "decision-service",
        PathwayValidated.TYPE,
        dossier,
        DEPARTEMENT,
        Map.of("decidedOn", "2019-04-18"));
  }

  private static Published permit(String dossier) {
    return event(
        BenefitsEvents.TOPIC,
        "benefits-service",
        PermitIssued.TYPE,
        dossier,
        DEPARTEMENT,
        Map.of("validFrom", "2019-05-01", "validUntil", "2019-10-31"));
  }

  private static Published accessRecorded(String dossier, String at) {
    return event(
        DossierEvents.TOPIC,
        "dossier-service",
        AccessRecorded.TYPE,
        dossier,
        DEPARTEMENT,
        Map.of(
            "accessId",
            UUID.randomUUID().toString(),
            "recordedAt",
            at,
            "subject",
            "prefecture-23",
            "requestId",
            "req-read-1"));
  }
}
