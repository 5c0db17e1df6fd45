package fr.passerelle.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import fr.passerelle.testsupport.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest
class BenefitsServiceIT {

  private static final EventContract VALIDATED = EventContract.of(PathwayValidated.TYPE);
  private static final String GOLDEN_DOSSIER_ID = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";
  private static final String GOLDEN_PERSON_ID = "9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13";
  private static final String A_PERMANENT_JOB =
      """
      {"contractType":"CDI","startDate":"2019-09-02","weeklyHours":35}""";

  /** A member of the association that accompanies the golden sample's person, in 31. */
  private static final String ASSOCIATION =
      TestTokens.association(Beneficiaries.ASSOCIATION_ID, "31");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void decisionTopicExists() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
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
    var topic = Topics.describe(BenefitsEvents.TOPIC);

    assertThat(topic.partitions()).isEqualTo(6);
    assertThat(topic.retentionMs()).isEqualTo("-1");
  }

  @Test
  void aValidatedPathwayOpensTheRightsOnceAndTheOutcomesArePublished() {
    String dossierId = UUID.randomUUID().toString();
    validate(dossierId);
    validate(dossierId); // re-published by decision-service: a new event id, the same validation
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> validationsAppliedTo(dossierId), applied -> applied == 2);

    String view = awaitBeneficiary("31", dossierId);
    assertThat(view)
        .contains("\"departmentCode\":\"31\"")
        .contains("\"permit\":{\"validFrom\":\"2019-05-01\",\"validUntil\":\"2019-10-31\"}")
        .contains(
            "\"afis\":{\"granted\":true,\"monthlyAmountCents\":43200,\"territory\":\"MAINLAND\"}")
        .contains("\"employments\":[]");

    var recorded = asAssociation().postJson(employmentOf("31", dossierId), A_PERMANENT_JOB);

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.headers().firstValue("Location"))
        .hasValue("/api/departements/31/beneficiaries/" + dossierId);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(asAssociation().get(beneficiary("31", dossierId)).body())
                    .contains(
                        "\"employments\":[{\"contractType\":\"CDI\",\"startDate\":\"2019-09-02\","
                            + "\"weeklyHours\":35}]"));

    try (var topic = new TopicReader(BenefitsEvents.TOPIC)) {
      List<ConsumerRecord<String, String>> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> recordsOf(topic.readAll(), dossierId),
                  records -> records.stream().anyMatch(r -> isOfType(r, EmploymentRecorded.TYPE)));

      assertThat(published)
          .extracting(r -> header(r, "ce_type"))
          .containsExactly(PermitIssued.TYPE, AfisGranted.TYPE, EmploymentRecorded.TYPE);
      for (var record : published) {
        assertThat(header(record, "ce_subject")).isEqualTo(dossierId);
        assertThat(header(record, "ce_source")).isEqualTo(BenefitsEvents.SOURCE);
        EventContract.of(header(record, "ce_type")).assertValid(record.value());
      }
      assertThat(published.get(1).value()).contains("\"monthlyAmountCents\":43200");
    }
  }

  @Test
  void anEmploymentIsRefusedFieldByFieldOrWhenItPrecedesThePathway() {
    String dossierId = UUID.randomUUID().toString();
    validate(dossierId);
    awaitBeneficiary("31", dossierId);

    var invalid =
        asAssociation()
            .postJson(
                employmentOf("31", dossierId),
                "{\"contractType\":\"FREELANCE\",\"weeklyHours\":60}");

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(invalid.body())
        .contains("\"title\":\"Requête invalide\"")
        .contains("\"field\":\"contractType\"")
        .contains("\"field\":\"startDate\"")
        .contains("\"field\":\"weeklyHours\"");

    var beforeThePathway =
        asAssociation()
            .postJson(
                employmentOf("31", dossierId), A_PERMANENT_JOB.replace("2019-09-02", "2019-04-30"));

    assertThat(beforeThePathway.statusCode()).isEqualTo(409);
    assertThat(beforeThePathway.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(beforeThePathway.body())
        .contains("\"title\":\"Conflit avec l'état actuel\"")
        .contains("\"type\":\"urn:passerelle:probleme:conflit\"");
  }

  /**
   * A préfecture of both départements reads another département's beneficiary as an unknown one;
   * the association, which reaches only its own beneficiaries, is refused both the same way.
   */
  @Test
  void anotherDepartementsBeneficiaryIsNotFoundAsIfItDidNotExist() {
    String dossierId = UUID.randomUUID().toString();
    validate(dossierId);
    awaitBeneficiary("31", dossierId);
    TestHttp prefecture = http().as(TestTokens.staff("PREFECTURE", "31", "75"));
    TestHttp association =
        http().as(TestTokens.association(Beneficiaries.ASSOCIATION_ID, "31", "75"));
    long eventsBefore = storedEvents();

    var read = prefecture.get(beneficiary("75", dossierId));
    var recorded = association.postJson(employmentOf("75", dossierId), A_PERMANENT_JOB);
    String unknownId = UUID.randomUUID().toString();
    var unknownRead = prefecture.get(beneficiary("75", unknownId));
    var unknownRecorded = association.postJson(employmentOf("75", unknownId), A_PERMANENT_JOB);

    for (var response : List.of(read, unknownRead)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("\"title\":\"Ressource introuvable\"");
    }
    for (var response : List.of(recorded, unknownRecorded)) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
    for (var response : List.of(read, recorded, unknownRead, unknownRecorded)) {
      assertThat(withoutInstance(response)).doesNotContain(dossierId).doesNotContain(unknownId);
    }
    assertThat(withoutInstance(read)).isEqualTo(withoutInstance(unknownRead));
    assertThat(withoutInstance(recorded)).isEqualTo(withoutInstance(unknownRecorded));
    assertThat(storedEvents()).isEqualTo(eventsBefore);
  }

  @Test
  void theAccompanyingAssociationIsKeptInTheRightsReadModel() {
    String dossierId = UUID.randomUUID().toString();
    validate(dossierId);

    assertThat(awaitBeneficiary("31", dossierId))
        .contains("\"associationId\":\"" + Beneficiaries.ASSOCIATION_ID + "\"");
    assertThat(
            jdbc.queryForObject(
                "SELECT association_id FROM beneficiary_rights WHERE dossier_id = ?",
                String.class,
                dossierId))
        .isEqualTo(Beneficiaries.ASSOCIATION_ID);
  }

  /** Publishes decision-service's golden sample for a new dossier and person, in Haute-Garonne. */
  private static void validate(String dossierId) {
    String json =
        VALIDATED
            .goldenSample()
            .replace(GOLDEN_DOSSIER_ID, dossierId)
            .replace(GOLDEN_PERSON_ID, UUID.randomUUID().toString());
    VALIDATED.assertValid(json);
    TestEvents.send(
        DecisionEvents.TOPIC, UUID.randomUUID().toString(), PathwayValidated.TYPE, dossierId, json);
  }

  private String awaitBeneficiary(String departmentCode, String dossierId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> asAssociation().get(beneficiary(departmentCode, dossierId)),
            r -> r.statusCode() == 200)
        .body();
  }

  private long storedEvents() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  private int validationsAppliedTo(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM eventbus_inbox WHERE consumer = 'rights-opening' AND subject = ?",
        Integer.class,
        dossierId);
  }

  private TestHttp http() {
    return TestHttp.onPort(port);
  }

  private TestHttp asAssociation() {
    return http().as(ASSOCIATION);
  }

  private static String beneficiary(String departmentCode, String dossierId) {
    return "/api/departements/" + departmentCode + "/beneficiaries/" + dossierId;
  }

  private static String employmentOf(String departmentCode, String dossierId) {
    return beneficiary(departmentCode, dossierId) + "/employment";
  }

  /** The problem without its {@code instance}, which is the request's path. */
  private static String withoutInstance(HttpResponse<String> response) {
    return response.body().replaceAll(",?\"(instance|requestId)\":\"[^\"]*\"", "");
  }

  private static List<ConsumerRecord<String, String>> recordsOf(
      List<ConsumerRecord<String, String>> records, String dossierId) {
    return records.stream()
        .filter(r -> dossierId.equals(r.key()))
        .filter(r -> !isOfType(r, AccessRecorded.TYPE))
        .toList();
  }

  private static boolean isOfType(ConsumerRecord<String, String> record, String type) {
    return type.equals(header(record, "ce_type"));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
