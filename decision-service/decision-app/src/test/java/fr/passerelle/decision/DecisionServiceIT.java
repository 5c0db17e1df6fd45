package fr.passerelle.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import fr.passerelle.testsupport.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest
class DecisionServiceIT {

  private static final EventContract SUBMITTED = EventContract.of(DossierSubmitted.TYPE);
  private static final String GOLDEN_DOSSIER_ID = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";
  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer eventSerializer;

  @BeforeAll
  static void dossierTopicExists() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
  }

  /** Haute-Garonne's commission has its 20 members (naming them again changes nothing). */
  @BeforeEach
  void commissionIsNamed(@Autowired CommandGateway commands) {
    Sessions.appointments("31").forEach(commands::sendAndWait);
  }

  @Test
  void isReadyOnlyWithItsDatabaseAndKafka() {
    var readiness = http().get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    var health = http().get("/actuator/health/liveness");
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void createsItsTopicWithItsHistoryKeptForever() {
    var topic = Topics.describe(DecisionEvents.TOPIC);

    assertThat(topic.partitions()).isEqualTo(6);
    assertThat(topic.retentionMs()).isEqualTo("-1");
  }

  @Test
  void aSubmittedDossierGoesThroughTheCommissionToASixMonthAuthorisationPublishedOnTheBus() {
    String dossierId = submitted("31");
    awaitPending("31", dossierId, true);
    String sessionId = openSession("31");

    assertThat(
            secretariat()
                .postJson(sessionPath("31", sessionId, "agenda"), dossier(dossierId))
                .statusCode())
        .isEqualTo(204);
    awaitPending("31", dossierId, false);
    var againstTheVote =
        secretariat().postJson(sessionPath("31", sessionId, "opinions"), opinion(dossierId, 2, 12));
    assertThat(againstTheVote.statusCode()).isEqualTo(400);
    assertThat(againstTheVote.body()).contains("\"field\":\"opinion\"");
    assertThat(
            secretariat()
                .postJson(sessionPath("31", sessionId, "opinions"), opinion(dossierId, 12, 2))
                .statusCode())
        .isEqualTo(201);
    var decision =
        prefecture()
            .postJson("/api/departements/31/prefecture/decisions", authorisation(dossierId));
    assertThat(decision.statusCode()).isEqualTo(201);
    assertThat(decision.body()).contains("\"endDate\":\"2019-10-31\"");

    try (var topic = new TopicReader(DecisionEvents.TOPIC)) {
      List<ConsumerRecord<String, String>> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> publishedFor(topic, dossierId), records -> records.size() >= 2);

      assertThat(published)
          .extracting(record -> header(record, "ce_type"))
          .containsExactly(OpinionRecorded.TYPE, PathwayValidated.TYPE);
      ConsumerRecord<String, String> validated = published.get(1);
      assertThat(header(validated, "ce_subject")).isEqualTo(dossierId);
      EventContract.of(PathwayValidated.TYPE).assertValid(validated.value());
      assertThat(validated.value())
          .contains("\"startDate\":\"2019-05-01\"", "\"endDate\":\"2019-10-31\"")
          .contains("\"ageBand\":\"FROM_25_TO_34\"")
          .contains("\"associationId\":\"" + Pathways.ASSOCIATION + "\"")
          .doesNotContain("motivation");
    }
  }

  @Test
  void aRedeliveredSubmissionIsRegisteredOnceAndARefusalWithoutOpinionIsAConflict() {
    String dossierId = UUID.randomUUID().toString();
    String json = submission(dossierId, "31");
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), SUBMITTED.type(), dossierId, json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), SUBMITTED.type(), dossierId, json);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(submissionsApplied(dossierId)).isEqualTo(2));

    var refusal =
        prefecture().postJson("/api/departements/31/prefecture/decisions", refusal(dossierId));

    assertThat(refusal.statusCode()).isEqualTo(409);
    assertThat(refusal.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refusal.body())
        .contains("\"title\":\"Conflit avec l'état actuel\"")
        .contains("Avis de la commission requis");
    assertThat(storedEvents(dossierId)).containsExactly(DossierRegistered.class.getName());
    try (var topic = new TopicReader(DecisionEvents.TOPIC)) {
      assertThat(publishedFor(topic, dossierId)).isEmpty();
    }
  }

  @Test
  void aDossierIsNotFoundThroughAnotherDepartementsPathAsIfItDidNotExist() {
    String dossierId = submitted("31");
    awaitPending("31", dossierId, true);

    // A préfecture that may act on Paris too: the dossier is unknown there, not forbidden.
    var prefecture = http().as(TestTokens.staff("PREFECTURE", "31", "75"));
    var elsewhere =
        prefecture.postJson("/api/departements/75/prefecture/decisions", refusal(dossierId));
    var nowhere =
        prefecture.postJson(
            "/api/departements/75/prefecture/decisions", refusal(UUID.randomUUID().toString()));

    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("\"title\":\"Ressource introuvable\"");
    assertThat(withoutRequestId(elsewhere.body())).isEqualTo(withoutRequestId(nowhere.body()));
    assertThat(storedEvents(dossierId)).containsExactly(DossierRegistered.class.getName());
  }

  @Test
  void aDossiersIdHoldingTheCharacterNulIsRefusedFieldByField() {
    String dossierId = submitted("31");
    awaitPending("31", dossierId, true);
    String sessionId = openSession("31");

    var one =
        secretariat()
            .postJson(sessionPath("31", sessionId, "agenda"), "{\"dossierId\":\"\\u0000\"}");
    var batch =
        secretariat()
            .postJson(
                sessionPath("31", sessionId, "agenda/batch"),
                "{\"dossierIds\":[\"%s\",\"\\u0000\"]}".formatted(dossierId));

    assertThat(one.statusCode()).as(one.body()).isEqualTo(400);
    assertThat(one.body()).contains("\"field\":\"dossierId\"");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(400);
    assertThat(batch.body()).contains("\"field\":\"dossierIds[1]\"");
    assertThat(storedEvents(dossierId)).containsExactly(DossierRegistered.class.getName());
  }

  @Test
  void aSessionsIdWhereADossiersIsExpectedAndTheReverseAreNotFound() {
    String dossierId = submitted("31");
    awaitPending("31", dossierId, true);
    String sessionId = openSession("31");

    List<HttpResponse<String>> mistaken =
        List.of(
            secretariat().postJson(sessionPath("31", sessionId, "agenda"), dossier(sessionId)),
            secretariat()
                .postJson(sessionPath("31", sessionId, "opinions"), opinion(sessionId, 8, 2)),
            secretariat().postJson(sessionPath("31", dossierId, "agenda"), dossier(dossierId)),
            secretariat()
                .postJson(sessionPath("31", dossierId, "opinions"), opinion(dossierId, 8, 2)),
            prefecture()
                .postJson("/api/departements/31/prefecture/decisions", authorisation(sessionId)),
            prefecture().postJson("/api/departements/31/prefecture/decisions", refusal(sessionId)));

    assertThat(mistaken)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
              assertThat(response.body()).contains("\"title\":\"Ressource introuvable\"");
            });
    assertThat(storedEvents(dossierId)).containsExactly(DossierRegistered.class.getName());
  }

  @Test
  void aSessionIsCheckedFieldByFieldThenForItsQuorumAndASecondConvocationFollowsOneWithout() {
    var invalid =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                """
            {"chairMemberId":"31-m01","mandates":[{"fromMemberId":"31-m15"}]}""");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body())
        .contains(
            "\"field\":\"date\"", "\"field\":\"present\"", "\"field\":\"mandates[0].toMemberId\"");

    var withoutQuorum =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2019-04-04", 7));
    assertThat(withoutQuorum.statusCode()).as(withoutQuorum.body()).isEqualTo(201);
    assertThat(withoutQuorum.body())
        .contains(
            "\"membersTotal\":20",
            "\"membersRepresented\":2",
            "\"quorum\":10",
            "\"mayDeliberate\":false");
    Matcher first = SESSION_ID.matcher(withoutQuorum.body());
    assertThat(first.find()).isTrue();

    var secondConvocation =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2019-04-11", 5)
                    .replace(
                        "\"date\"", "\"firstConvocationId\":\"" + first.group(1) + "\",\"date\""));
    assertThat(secondConvocation.statusCode()).as(secondConvocation.body()).isEqualTo(201);
    assertThat(secondConvocation.body()).contains("\"mayDeliberate\":true");

    String quorate = openSession("31");
    var secondAfterQuorum =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2019-04-12", 5)
                    .replace("\"date\"", "\"firstConvocationId\":\"" + quorate + "\",\"date\""));
    assertThat(secondAfterQuorum.statusCode()).isEqualTo(409);
    assertThat(secondAfterQuorum.body()).contains("a atteint son quorum");

    var twoMandates =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2019-04-11")
                    .replace("\"toMemberId\":\"31-m03\"", "\"toMemberId\":\"31-m02\""));
    assertThat(twoMandates.statusCode()).isEqualTo(400);
    assertThat(twoMandates.body()).contains("\"field\":\"mandates\"", "un mandat au plus");

    var nullMandate =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2019-04-18")
                    .replace("\"mandates\":[", "\"mandates\":[null,"));
    assertThat(nullMandate.statusCode()).as(nullMandate.body()).isEqualTo(400);
    assertThat(nullMandate.body()).contains("\"field\":\"mandates[0]\"", "mandat obligatoire");
  }

  @Test
  void aBatchPutsDossiersOnTheAgendaAndRecordsTheirOpinionsEachOnItsOwn() {
    String first = submitted("31");
    String second = submitted("31");
    awaitPending("31", first, true);
    awaitPending("31", second, true);
    String sessionId = openSession("31");

    var agenda =
        secretariat()
            .postJson(
                sessionPath("31", sessionId, "agenda/batch"),
                "{\"dossierIds\":[\"%s\",\"no-such-dossier\",\"%s\"]}".formatted(first, second));

    assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(200);
    assertThat(agenda.body())
        .contains(
            "\"done\":2",
            "\"refused\":1",
            "{\"dossierId\":\"" + first + "\",\"status\":204}",
            "{\"dossierId\":\"no-such-dossier\",\"status\":404,\"title\":\"Ressource introuvable\"");
    awaitPending("31", second, false);

    var opinions =
        secretariat()
            .postJson(
                sessionPath("31", sessionId, "opinions/batch"),
                "{\"opinions\":[%s,%s]}"
                    .formatted(
                        opinion(first, 12, 2),
                        opinion(second, 12, 2).replace("\"abstentions\":2", "\"abstentions\":1")));

    assertThat(opinions.statusCode()).as(opinions.body()).isEqualTo(200);
    assertThat(opinions.body())
        .contains(
            "\"done\":1",
            "\"refused\":1",
            "{\"dossierId\":\"" + first + "\",\"status\":201}",
            "\"status\":400",
            "\"field\":\"votesFor\"");
    assertThat(storedEvents(first)).contains(opinionRecordedInternally());
    assertThat(storedEvents(second)).doesNotContain(opinionRecordedInternally());

    var malformed =
        secretariat()
            .postJson(
                sessionPath("31", sessionId, "opinions/batch"),
                "{\"opinions\":[{\"dossierId\":\"%s\"}]}".formatted(second));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"opinions[0].opinion\"");

    var nullOpinion =
        secretariat()
            .postJson(
                sessionPath("31", sessionId, "opinions/batch"),
                "{\"opinions\":[%s,null]}".formatted(opinion(second, 12, 2)));
    assertThat(nullOpinion.statusCode()).as(nullOpinion.body()).isEqualTo(400);
    assertThat(nullOpinion.body()).contains("\"field\":\"opinions[1]\"", "avis obligatoire");
    assertThat(storedEvents(second)).doesNotContain(opinionRecordedInternally());
  }

  private static String opinionRecordedInternally() {
    return fr.passerelle.decision.pathway.api.OpinionRecorded.class.getName();
  }

  @Test
  void aDossierRegisteredBeforeAssociationsWereKeptIsReadFromTheStoreWithoutOne() {
    var registered = Pathways.registered(UUID.randomUUID().toString());
    SerializedObject<String> stored = eventSerializer.serialize(registered, String.class);
    String association = "\"associationId\":\"" + Pathways.ASSOCIATION + "\"";
    assertThat(stored.getData()).contains(association);
    String recordedBefore =
        stored.getData().replace("," + association, "").replace(association + ",", "");
    assertThat(recordedBefore).doesNotContain("associationId");

    DossierRegistered read =
        eventSerializer.deserialize(
            new SimpleSerializedObject<>(recordedBefore, String.class, stored.getType()));

    assertThat(read.profile().associationId()).isNull();
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("profile.associationId")
        .isEqualTo(registered);
  }

  @Test
  void aRenewalRequestedOnTheBusGoesThroughTheCommissionToARenewalPublishedOnTheBus() {
    String dossierId = authorisedThroughTheCommission();
    requestRenewal(dossierId, "2019-09-20");
    awaitPending("31", dossierId, true);
    assertThat(secretariat().get("/api/departements/31/commission/pending-dossiers").body())
        .contains("\"termNumber\":2", "\"requestedOn\":\"2019-09-20\"");
    String sessionId = openSession("31", "2019-10-10");
    assertThat(
            secretariat()
                .postJson(sessionPath("31", sessionId, "agenda"), dossier(dossierId))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            secretariat()
                .postJson(sessionPath("31", sessionId, "opinions"), opinion(dossierId, 12, 2))
                .statusCode())
        .isEqualTo(201);

    var renewal =
        prefecture()
            .postJson(
                "/api/departements/31/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"RENEW","decidedOn":"2019-10-17"}"""
                    .formatted(dossierId));

    assertThat(renewal.statusCode()).as(renewal.body()).isEqualTo(201);
    assertThat(renewal.body())
        .contains(
            "\"termNumber\":2",
            "\"startDate\":\"2019-11-01\"",
            "\"endDate\":\"2020-04-30\"",
            "\"totalMonths\":12");
    try (var topic = new TopicReader(DecisionEvents.TOPIC)) {
      List<ConsumerRecord<String, String>> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> publishedFor(topic, dossierId), records -> records.size() >= 4);
      assertThat(published)
          .extracting(record -> header(record, "ce_type"))
          .containsExactly(
              OpinionRecorded.TYPE,
              PathwayValidated.TYPE,
              OpinionRecorded.TYPE,
              PathwayRenewed.TYPE);
      EventContract.of(PathwayRenewed.TYPE).assertValid(published.get(3).value());
      assertThat(published.get(2).value()).contains("\"termNumber\":2");
    }
    var pathway = secretariat().get("/api/departements/31/pathways/" + dossierId);
    assertThat(pathway.body()).contains("\"stage\":\"RUNNING\"", "\"totalMonths\":12");
  }

  @Test
  void twoRenewalsOfTheSameTermRacingOneWinsTheOtherChangesNothing() throws Exception {
    String dossierId = authorisedThroughTheCommission();
    requestRenewal(dossierId, "2019-09-20");
    awaitPending("31", dossierId, true);
    String sessionId = openSession("31", "2019-10-10");
    secretariat().postJson(sessionPath("31", sessionId, "agenda"), dossier(dossierId));
    secretariat().postJson(sessionPath("31", sessionId, "opinions"), opinion(dossierId, 12, 2));
    String body =
        """
        {"dossierId":"%s","decision":"RENEW","decidedOn":"2019-10-17"}"""
            .formatted(dossierId);

    var racing =
        List.of(
            CompletableFuture.supplyAsync(
                () -> prefecture().postJson("/api/departements/31/prefecture/decisions", body)),
            CompletableFuture.supplyAsync(
                () -> prefecture().postJson("/api/departements/31/prefecture/decisions", body)));
    List<Integer> statuses = new ArrayList<>();
    for (var call : racing) {
      statuses.add(call.get(30, TimeUnit.SECONDS).statusCode());
    }

    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(storedEvents(dossierId))
        .filteredOn(type -> type.endsWith("PathwayRenewed"))
        .hasSize(1);
  }

  @Test
  void anEarlyEndKeepsItsMotivationOutOfTheEventsAndEndsEveryCommand() {
    String dossierId = authorisedThroughTheCommission();

    var end =
        prefecture()
            .postJson(
                "/api/departements/31/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"END","decidedOn":"2019-08-01",\
                "reason":"COMMITMENTS_NOT_KEPT","motivation":"Mme X. a quitté le dispositif"}"""
                    .formatted(dossierId));

    assertThat(end.statusCode()).as(end.body()).isEqualTo(201);
    assertThat(end.body()).contains("\"lastDay\":\"2019-08-01\"");
    assertThat(
            jdbc.queryForObject(
                "SELECT motivation FROM decision_motivation WHERE dossier_id = ? AND decision = 'END'",
                String.class,
                dossierId))
        .isEqualTo("Mme X. a quitté le dispositif");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND convert_from(payload, 'UTF8') LIKE '%quitté%'",
                Long.class, dossierId))
        .isZero();
    var again =
        prefecture()
            .postJson(
                "/api/departements/31/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"END","decidedOn":"2019-08-02",\
                "reason":"PERSON_REQUEST","motivation":"Seconde fin"}"""
                    .formatted(dossierId));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Parcours terminé le 1 août 2019");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_motivation WHERE dossier_id = ? AND decision = 'END'",
                Long.class,
                dossierId))
        .as("the refused decision kept no motivation")
        .isEqualTo(1);
  }

  @Test
  void aRefusalWithoutItsMotivationOrADecisionInTheFutureIsRefusedFieldByField() {
    String dossierId = submitted("31");
    var unmotivated =
        prefecture()
            .postJson(
                "/api/departements/31/prefecture/decisions",
                """
                {"dossierId":"%s","decision":"REFUSE","decidedOn":"2019-04-18",\
                "reason":"NOT_A_CODE"}"""
                    .formatted(dossierId));

    assertThat(unmotivated.statusCode()).isEqualTo(400);
    assertThat(unmotivated.body()).contains("\"field\":\"motivation\"", "\"field\":\"reason\"");
    var future =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2999-01-01"));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("\"field\":\"date\"", "date future");
  }

  /**
   * A dossier submitted on the bus, studied by a session of 11 April 2019, authorised from 1 May.
   */
  private String authorisedThroughTheCommission() {
    String dossierId = submitted("31");
    awaitPending("31", dossierId, true);
    String sessionId = openSession("31");
    secretariat().postJson(sessionPath("31", sessionId, "agenda"), dossier(dossierId));
    secretariat().postJson(sessionPath("31", sessionId, "opinions"), opinion(dossierId, 12, 2));
    var decision =
        prefecture()
            .postJson("/api/departements/31/prefecture/decisions", authorisation(dossierId));
    assertThat(decision.statusCode()).as(decision.body()).isEqualTo(201);
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

  private String openSession(String department, String date) {
    var response =
        secretariat()
            .postJson(
                "/api/departements/" + department + "/commission/sessions",
                Sessions.aSessionBody(department, date));
    assertThat(response.statusCode()).isEqualTo(201);
    Matcher id = SESSION_ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private String submitted(String department) {
    String dossierId = UUID.randomUUID().toString();
    TestEvents.send(
        DossierEvents.TOPIC,
        UUID.randomUUID().toString(),
        DossierSubmitted.TYPE,
        dossierId,
        submission(dossierId, department));
    return dossierId;
  }

  private static String submission(String dossierId, String department) {
    String json =
        SUBMITTED
            .goldenSample()
            .replace(GOLDEN_DOSSIER_ID, dossierId)
            .replace("\"31\"", "\"" + department + "\"");
    SUBMITTED.assertValid(json);
    return json;
  }

  private void awaitPending(String department, String dossierId, boolean pending) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var response =
                  secretariat()
                      .get("/api/departements/" + department + "/commission/pending-dossiers");
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body().contains("\"dossierId\":\"" + dossierId + "\""))
                  .isEqualTo(pending);
            });
  }

  private String openSession(String department) {
    var response =
        secretariat()
            .postJson(
                "/api/departements/" + department + "/commission/sessions",
                Sessions.aSessionBody(department, "2019-04-11"));
    assertThat(response.statusCode()).isEqualTo(201);
    Matcher id = SESSION_ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private static String sessionPath(String department, String sessionId, String what) {
    return "/api/departements/" + department + "/commission/sessions/" + sessionId + "/" + what;
  }

  private static String dossier(String dossierId) {
    return "{\"dossierId\":\"" + dossierId + "\"}";
  }

  /** An opinion of a usual session's 16 voters: those who vote neither way abstain. */
  private static String opinion(String dossierId, int votesFor, int votesAgainst) {
    return """
        {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":%d,"votesAgainst":%d,\
        "abstentions":%d,"chairVotedFor":true}"""
        .formatted(dossierId, votesFor, votesAgainst, Sessions.VOTERS - votesFor - votesAgainst);
  }

  private static String authorisation(String dossierId) {
    return """
        {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"2019-04-18",\
        "startDate":"2019-05-01","motivation":"Engagements signés"}"""
        .formatted(dossierId);
  }

  private static String refusal(String dossierId) {
    return """
        {"dossierId":"%s","decision":"REFUSE","decidedOn":"2019-04-18",\
        "reason":"UNFAVOURABLE_OPINION","motivation":"Projet à préciser"}"""
        .formatted(dossierId);
  }

  /** Health probes are called without a token, as the orchestrator calls them. */
  private TestHttp http() {
    return TestHttp.onPort(port);
  }

  private TestHttp secretariat() {
    return http().as(TestTokens.staff("SECRETARIAT", "31"));
  }

  private TestHttp prefecture() {
    return http().as(TestTokens.staff("PREFECTURE", "31"));
  }

  private long submissionsApplied(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM eventbus_inbox WHERE consumer = 'pathway-intake' AND subject = ?",
        Long.class,
        dossierId);
  }

  private List<String> storedEvents(String dossierId) {
    return jdbc.queryForList(
        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " ORDER BY sequence_number",
        String.class,
        dossierId);
  }

  private static List<ConsumerRecord<String, String>> publishedFor(
      TopicReader topic, String dossierId) {
    return topic.readAll().stream().filter(record -> dossierId.equals(record.key())).toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** A problem's body but the request id it carries, which differs from one request to the next. */
  private static String withoutRequestId(String problem) {
    return problem.replaceAll("\"requestId\":\"[^\"]*\"", "");
  }
}
