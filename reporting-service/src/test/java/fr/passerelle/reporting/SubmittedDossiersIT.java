package fr.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class SubmittedDossiersIT {

  private static final EventContract SUBMITTED = EventContract.of(DossierSubmitted.TYPE);

  @LocalServerPort int port;

  @BeforeAll
  static void topicExists() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
  }

  @Test
  void theProducersGoldenSampleIsCountedInTheDepartementItNames() {
    // In the Gers: Haute-Garonne's submissions before 2020 are HauteGaronneIT's.
    long before = submittedIn("32");

    publishSubmission(UUID.randomUUID().toString(), "32");

    awaitSubmittedIn("32", before + 1);
  }

  @Test
  void aRedeliveredEventIsCountedOnce() {
    String eventId = UUID.randomUUID().toString();
    String dossierId = UUID.randomUUID().toString();
    String json =
        SUBMITTED.goldenSample().replace(goldenDossierId(), dossierId).replace("\"31\"", "\"976\"");

    TestEvents.send(DossierEvents.TOPIC, eventId, DossierSubmitted.TYPE, dossierId, json);
    TestEvents.send(DossierEvents.TOPIC, eventId, DossierSubmitted.TYPE, dossierId, json);
    publishSubmission(UUID.randomUUID().toString(), "976");

    awaitSubmittedIn("976", 2);
  }

  @Test
  void consumptionIsMeasuredWithTheConsumersLag() {
    publishSubmission(UUID.randomUUID().toString(), "972");
    awaitSubmittedIn("972", 1);

    var metrics =
        TestHttp.onPort(port).as(TestTokens.staff("MONITORING", "*")).get("/actuator/prometheus");

    assertThat(metrics.statusCode()).isEqualTo(200);
    // metrics are for a scraper or an operator: not for anyone with a token, nor for no one
    assertThat(TestHttp.onPort(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", "*"))
                .get("/actuator/metrics")
                .statusCode())
        .isEqualTo(403);
    assertThat(metrics.body())
        .contains(
            "passerelle_eventbus_consumed_total{consumer=\"submitted-dossiers\",outcome=\"applied\"")
        .contains("passerelle_eventbus_dead_letters")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  void anAnalystReadsTheCountOverAllTimeWithheld() {
    // Corrèze's submissions belong to this test
    var analyst = TestHttp.onPort(port).as(TestTokens.staff("ANALYST", "*"));
    assertThat(analyst.get("/api/departements/19/reports/dossiers").body())
        .isEqualTo(
            "{\"departmentCode\":\"19\",\"asOf\":null,\"submittedDossiers\":0,\"secrecyThreshold\":11,"
                + "\"withheld\":[]}");

    publishSubmission(UUID.randomUUID().toString(), "19");
    awaitSubmittedIn("19", 1);

    assertThat(analyst.get("/api/departements/19/reports/dossiers").body())
        .isEqualTo(
            "{\"departmentCode\":\"19\",\"asOf\":null,\"submittedDossiers\":null,\"secrecyThreshold\":11,"
                + "\"withheld\":[\"submittedDossiers\"]}");
  }

  @Test
  void theCountAsKnownAtAnInstantLeavesOutWhatWasRecordedAfter() {
    // the Cher's submissions belong to this test
    publishSubmission(UUID.randomUUID().toString(), "18");
    awaitSubmittedIn("18", 1);
    Instant known = Instant.now();

    publishSubmission(UUID.randomUUID().toString(), "18");
    awaitSubmittedIn("18", 2);

    var staff = TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", "18"));
    var asKnown = staff.get("/api/departements/18/reports/dossiers?asOf=" + known);
    assertThat(asKnown.statusCode()).isEqualTo(200);
    assertThat(asKnown.body()).contains("\"asOf\":\"" + known + "\"", "\"submittedDossiers\":1,");

    var future =
        staff.get("/api/departements/18/reports/dossiers?asOf=" + known.plusSeconds(3_600));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("\"field\":\"asOf\"");
  }

  @Test
  void anUnknownDepartementIsRefusedWithProblemDetails() {
    var response =
        TestHttp.onPort(port)
            .as(TestTokens.staff("ANALYST", "*"))
            .get("/api/departements/99/reports/dossiers");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"departmentCode\"");
  }

  private void publishSubmission(String dossierId, String department) {
    String json =
        SUBMITTED
            .goldenSample()
            .replace(goldenDossierId(), dossierId)
            .replace("\"31\"", "\"" + department + "\"");
    SUBMITTED.assertValid(json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), DossierSubmitted.TYPE, dossierId, json);
  }

  private void awaitSubmittedIn(String department, long expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(submittedIn(department)).isEqualTo(expected));
  }

  private long submittedIn(String department) {
    var response =
        TestHttp.onPort(port)
            .as(TestTokens.staff("SECRETARIAT", department))
            .get("/api/departements/" + department + "/reports/dossiers");
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(body).contains("\"departmentCode\":\"" + department + "\"");
    return Long.parseLong(body.replaceAll(".*\"submittedDossiers\":(\\d+).*", "$1"));
  }

  private static String goldenDossierId() {
    return "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";
  }
}
