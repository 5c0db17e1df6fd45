package fr.passerelle.benefits;

import static fr.passerelle.benefits.BenefitsApi.aPathway;
import static fr.passerelle.benefits.BenefitsApi.beneficiary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.benefits.events.AfisRequested;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.EmploymentEnded;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.HousingStepRecorded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.benefits.events.TrainingRecorded;
import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.testsupport.TestClock;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import fr.passerelle.testsupport.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * benefits-service with its real database and broker: the pathway's validation registers a
 * beneficiary; the préfecture decides the permit, the préfet the AFIS, the association records the
 * outcomes; everything decided is published, and bad input changes nothing.
 */
@BenefitsIntegrationTest
class BenefitsServiceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final LocalDate REQUESTED_ON = LocalDate.of(2019, 4, 25);
  private static final LocalDate DECIDED_ON = LocalDate.of(2019, 5, 6);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /** The service's today: Paris time, whatever the zone of the machine running the tests. */
  @Autowired TestClock clock;

  private BenefitsApi api;

  @BeforeAll
  static void decisionTopicExists() {
    fr.passerelle.testsupport.TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
  }

  @BeforeEach
  void api() {
    api = new BenefitsApi(port);
  }

  @Test
  void isReadyOnlyWithItsDatabaseAndKafka() {
    var readiness = api.http().get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    assertThat(api.http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void createsItsTopicWithItsHistoryKeptForever() {
    var topic = Topics.describe(BenefitsEvents.TOPIC);

    assertThat(topic.partitions()).isEqualTo(6);
    assertThat(topic.retentionMs()).isEqualTo("-1");
  }

  @Test
  void aValidatedPathwayRegistersTheBeneficiaryOnceAndDecidesNoRightByItself() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).publish();
    aPathway(dossierId).publish(); // re-published by decision-service: a new event id
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> validationsAppliedTo(dossierId), applied -> applied == 2);

    String view = api.awaitBeneficiary("31", dossierId);

    assertThat(view)
        .contains(
            "\"pathway\":{\"decidedOn\":\"2019-04-18\",\"startDate\":\"2019-05-01\","
                + "\"endDate\":\"2019-10-31\"}",
            "\"permit\":null",
            "\"afis\":null",
            "\"associationId\":\"" + Beneficiaries.ASSOCIATION_ID + "\"");
    assertThat(storedEventsOf(dossierId)).containsExactly("BeneficiaryRegistered");
  }

  @Test
  void thePrefectureDecidesThePermitAndThePrefetTheAfisAndBothArePublished() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).publish();
    api.awaitBeneficiary("31", dossierId);

    HttpResponse<String> permit =
        api.issuePermit("31", dossierId, LocalDate.of(2019, 5, 1), LocalDate.of(2019, 10, 31));
    assertThat(permit.statusCode()).as(permit.body()).isEqualTo(200);
    String requestId = api.requestAfis("31", dossierId, REQUESTED_ON, 1);
    HttpResponse<String> decided = api.decideAfis("31", dossierId, requestId, DECIDED_ON);

    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(decided.body()).contains("\"status\":\"GRANTED\"");
    String view =
        api.awaitBeneficiary("31", dossierId, body -> body.contains("\"status\":\"GRANTED\""));
    assertThat(view)
        .contains(
            "\"permit\":{\"status\":\"ISSUED\",\"decidedOn\":\"2019-05-01\","
                + "\"validFrom\":\"2019-05-01\",\"validUntil\":\"2019-10-31\"}",
            "\"from\":\"2019-05-01\",\"until\":\"2019-10-31\"",
            "\"household\":[{\"fromMonth\":\"2019-05\",\"children\":1}]");
    List<ConsumerRecord<String, String>> published =
        published(dossierId, records -> records.size() >= 3);
    assertThat(published)
        .extracting(r -> header(r, "ce_type"))
        .containsExactly(PermitIssued.TYPE, AfisRequested.TYPE, AfisGranted.TYPE);
    assertThat(published.get(0).value()).contains("\"rightToWork\":true");
    assertThat(published.get(2).value())
        .contains(
            "\"monthlyAmountCents\":43200",
            "\"scaleReference\":\"décret 2017-542\"",
            "\"requestId\":\"" + requestId + "\"");
  }

  @Test
  void aRefusalListsEveryUnmetConditionOnTheBus() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).publish();
    api.awaitBeneficiary("31", dossierId);
    HttpResponse<String> requested =
        api.association("31")
            .postJson(
                beneficiary("31", dossierId) + "/afis/requests",
                """
                {"requestedOn":"2019-04-25","children":1,"previousMonthResources":600.50,
                 "receivesRsa":false,"receivesAda":true}""");
    String requestId = BenefitsApi.requestIdOf(requested.body());

    HttpResponse<String> decided = api.decideAfis("31", dossierId, requestId, DECIDED_ON);

    assertThat(decided.body())
        .contains(
            "\"status\":\"REFUSED\"",
            "\"refusalReasons\":[\"NO_RIGHT_TO_WORK\",\"RESOURCES_ABOVE_RSA\",\"RECEIVES_ADA\"]");
    List<ConsumerRecord<String, String>> published =
        published(dossierId, records -> records.size() >= 2);
    assertThat(header(published.get(1), "ce_type")).isEqualTo(AfisRefused.TYPE);
    assertThat(published.get(1).value())
        .contains(
            "\"reason\":\"NO_RIGHT_TO_WORK\"",
            "\"reasons\":[\"NO_RIGHT_TO_WORK\",\"RESOURCES_ABOVE_RSA\",\"RECEIVES_ADA\"]");
    // the person's resources and aids stay off the bus: the refusal says which conditions were not
    // met, never the figures (read field by field: an id may hold the digits 600)
    assertThat(JSON.readValue(published.get(1).value(), Map.class).keySet())
        .containsExactlyInAnyOrder(
            "dossierId", "departmentCode", "reason", "decidedOn", "reasons", "requestId");
  }

  @Test
  void aVictimOfProcuringFromTheDossierGetsAPermit() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).ofNationality("BR").victimOfProcuringOnly().publish();
    api.awaitBeneficiary("31", dossierId);

    HttpResponse<String> permit =
        api.issuePermit("31", dossierId, LocalDate.of(2019, 5, 1), LocalDate.of(2019, 10, 31));

    assertThat(permit.statusCode()).as(permit.body()).isEqualTo(200);
  }

  @Test
  void theOutcomesStartAndEndAndArePublished() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).publish();
    api.awaitBeneficiary("31", dossierId);
    TestHttp association = api.association("31");
    String base = beneficiary("31", dossierId);

    HttpResponse<String> job =
        association.postJson(
            base + "/employment",
            """
            {"contractType":"CDD","startDate":"2019-06-03","endDate":"2019-12-02","weeklyHours":24}""");
    assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
    String employmentId = job.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(
            association
                .postJson(
                    base + "/employment/" + employmentId + "/end", "{\"endDate\":\"2019-09-30\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            association
                .postJson(base + "/training", "{\"startDate\":\"2019-10-07\",\"weeklyHours\":30}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            association
                .postJson(
                    base + "/housing", "{\"step\":\"TEMPORARY_HOUSING\",\"from\":\"2019-05-15\"}")
                .statusCode())
        .isEqualTo(201);

    String view = api.awaitBeneficiary("31", dossierId, body -> body.contains("\"housing\":[{"));
    assertThat(view)
        .contains(
            "\"employmentId\":\""
                + employmentId
                + "\",\"contractType\":\"CDD\","
                + "\"startDate\":\"2019-06-03\",\"weeklyHours\":24,\"endDate\":\"2019-12-02\","
                + "\"endedOn\":\"2019-09-30\"",
            "\"trainings\":[{\"trainingId\":",
            "\"housing\":[{\"step\":\"TEMPORARY_HOUSING\",\"from\":\"2019-05-15\"}]");
    assertThat(published(dossierId, records -> records.size() >= 4))
        .extracting(r -> header(r, "ce_type"))
        .containsExactly(
            EmploymentRecorded.TYPE,
            EmploymentEnded.TYPE,
            TrainingRecorded.TYPE,
            HousingStepRecorded.TYPE);
  }

  /** Bad input gets a problem naming the field at fault, and changes nothing. */
  @Test
  void badInputIsRefusedFieldByFieldAndChangesNothing() {
    String dossierId = UUID.randomUUID().toString();
    api.grantedAfis(aPathway(dossierId));
    String base = beneficiary("31", dossierId);
    long eventsBefore = storedEvents();

    assertRefused(
        () ->
            api.association("31")
                .postJson(
                    base + "/afis/household", "{\"changedOn\":\"2019-06-10\",\"children\":-1}"),
        "children");
    assertRefused(
        () ->
            api.prefecture("31")
                .postJson(
                    base + "/afis/suspension",
                    "{\"decidedOn\":\"2019-04-30\",\"reason\":\"COMMITMENTS_BROKEN\"}"),
        "decidedOn");
    assertRefused(
        () ->
            api.prefecture("31")
                .postJson(
                    base + "/afis/stop",
                    "{\"decidedOn\":\"%s\",\"reason\":\"COMMITMENTS_BROKEN\"}"
                        .formatted(clock.today().plusDays(2))),
        "decidedOn");
    assertRefused(
        () ->
            api.prefecture("31")
                .postJson(
                    base + "/afis/stop", "{\"decidedOn\":\"2019-06-10\",\"reason\":\"BAD_MOOD\"}"),
        "reason");
    assertRefused(
        () ->
            api.prefecture("31")
                .postJson(base + "/permit/refusal", "{\"decidedOn\":\"2019-06-10\"}"),
        "reason");
    assertRefused(
        () ->
            api.association("31")
                .postJson(
                    base + "/employment",
                    "{\"contractType\":\"TRAINING\",\"startDate\":\"2019-06-03\",\"weeklyHours\":60}"),
        "contractType",
        "weeklyHours");

    assertThat(storedEvents()).isEqualTo(eventsBefore);
  }

  /**
   * A préfecture of both départements reaches another département's beneficiary as an unknown one;
   * the association, which reaches only its own beneficiaries, is refused both the same way.
   */
  @Test
  void anotherDepartementsBeneficiaryIsNotFoundAsIfItDidNotExist() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).publish();
    api.awaitBeneficiary("31", dossierId);
    TestHttp prefecture = api.http().as(TestTokens.staff("PREFECTURE", "31", "75"));
    TestHttp association =
        api.http().as(TestTokens.association(Beneficiaries.ASSOCIATION_ID, "31", "75"));
    String permit =
        """
        {"decidedOn":"2019-05-01","validFrom":"2019-05-01","validUntil":"2019-10-31",
         "ceasedProstitution":true}""";
    String request =
        """
        {"requestedOn":"2019-04-25","children":1,"previousMonthResources":0,
         "receivesRsa":false,"receivesAda":false}""";
    long eventsBefore = storedEvents();

    String unknownId = UUID.randomUUID().toString();
    var read = prefecture.get(beneficiary("75", dossierId));
    var unknownRead = prefecture.get(beneficiary("75", unknownId));
    var issued = prefecture.postJson(beneficiary("75", dossierId) + "/permit", permit);
    var unknownIssued = prefecture.postJson(beneficiary("75", unknownId) + "/permit", permit);
    var requested = association.postJson(beneficiary("75", dossierId) + "/afis/requests", request);
    var unknownRequested =
        association.postJson(beneficiary("75", unknownId) + "/afis/requests", request);

    for (var response : List.of(read, unknownRead, issued, unknownIssued)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
      assertThat(response.body()).contains("\"title\":\"Ressource introuvable\"");
    }
    for (var response : List.of(requested, unknownRequested)) {
      assertThat(response.statusCode()).isEqualTo(403);
    }
    for (var response : List.of(read, issued, requested)) {
      assertThat(withoutInstance(response)).doesNotContain(dossierId);
    }
    assertThat(withoutInstance(read)).isEqualTo(withoutInstance(unknownRead));
    assertThat(withoutInstance(issued)).isEqualTo(withoutInstance(unknownIssued));
    assertThat(withoutInstance(requested)).isEqualTo(withoutInstance(unknownRequested));
    assertThat(storedEvents()).isEqualTo(eventsBefore);
  }

  @Test
  void thePrefectureListsThePermitsExpiringWithin30Days() {
    LocalDate today = clock.today();
    String soon = UUID.randomUUID().toString();
    String later = UUID.randomUUID().toString();
    aPathway(soon).authorisedOn(today.minusMonths(6)).publish();
    aPathway(later).authorisedOn(today.minusMonths(2)).publish();
    api.awaitBeneficiary("31", soon);
    api.awaitBeneficiary("31", later);
    LocalDate soonFrom = today.minusMonths(6).plusDays(20);
    api.issuePermit("31", soon, soonFrom, soonFrom.plusMonths(6).minusDays(1));
    api.issuePermit("31", later, today.minusMonths(2), today.plusMonths(4));

    String expiring =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.prefecture("31").get("/api/departements/31/rights/permits/expiring"),
                r -> r.statusCode() == 200 && r.body().contains(soon))
            .body();

    assertThat(expiring)
        .contains(
            "\"dossierId\":\"" + soon + "\"",
            "\"validUntil\":\"" + soonFrom.plusMonths(6).minusDays(1) + "\"")
        .doesNotContain(later);
  }

  private void assertRefused(Supplier<HttpResponse<String>> call, String... fields) {
    HttpResponse<String> response = call.get();

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"title\":\"Requête invalide\"");
    for (String field : fields) {
      assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
  }

  /** The beneficiary's stored events, by type, in order. */
  private List<String> storedEventsOf(String dossierId) {
    return jdbc
        .queryForList(
            "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number",
            String.class,
            dossierId)
        .stream()
        .map(type -> type.substring(type.lastIndexOf('.') + 1))
        .toList();
  }

  /** Every stored event but the access log's. */
  private long storedEvents() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type <> ?",
        Long.class,
        AccessRecorded.class.getName());
  }

  private int validationsAppliedTo(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM eventbus_inbox WHERE consumer = 'rights-opening' AND subject = ?",
        Integer.class,
        dossierId);
  }

  /** The dossier's events on {@code benefits.events}, once {@code enough}, each valid. */
  private static List<ConsumerRecord<String, String>> published(
      String dossierId, java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
    try (var topic = new TopicReader(BenefitsEvents.TOPIC)) {
      List<ConsumerRecord<String, String>> records =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      topic.readAll().stream()
                          .filter(r -> dossierId.equals(r.key()))
                          .filter(r -> !AccessRecorded.TYPE.equals(header(r, "ce_type")))
                          .toList(),
                  enough);
      for (var record : records) {
        assertThat(header(record, "ce_subject")).isEqualTo(dossierId);
        assertThat(header(record, "ce_source")).isEqualTo(BenefitsEvents.SOURCE);
        EventContract.of(header(record, "ce_type")).assertValid(record.value());
      }
      return records;
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** The problem without its {@code instance} and request id, which name the request. */
  private static String withoutInstance(HttpResponse<String> response) {
    return response.body().replaceAll(",?\"(instance|requestId)\":\"[^\"]*\"", "");
  }
}
