package fr.passerelle.reporting.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auditors read one access log gathered from every service's topic: each service's entries about a
 * dossier, in time order, filtered by dossier and time; each read of the log is itself an entry;
 * nobody but an auditor of the département reads it.
 */
@ServiceIntegrationTest
class AccessLogIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventContract ACCESS = EventContract.of(AccessRecorded.TYPE);
  private static final String GOLDEN_DOSSIER = "4f7c2a8e-1b3d-4c5e-8f9a-0b1c2d3e4f50";

  @LocalServerPort int port;

  @BeforeAll
  static void topicsExist() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }

  @Test
  void theEntriesOfEveryServiceAboutADossierAreReadTogetherNewestFirst() {
    String dossierId = UUID.randomUUID().toString();
    publish(DossierEvents.TOPIC, dossierId, "READ", "2019-06-14T09:42:07Z");
    publish(BenefitsEvents.TOPIC, dossierId, "REFUSED", "2019-06-15T10:00:00Z");
    publish(DossierEvents.TOPIC, UUID.randomUUID().toString(), "READ", "2019-06-16T10:00:00Z");

    HttpResponse<String> log =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> auditor("31").get("/api/departements/31/access-log?dossierId=" + dossierId),
                response ->
                    response.body().contains("REFUSED") && response.body().contains("READ"));

    assertThat(log.statusCode()).isEqualTo(200);
    // the préfecture's read and refusal, newest first; the auditor's own reads of the log too
    List<JsonNode> prefecture =
        JSON.readTree(log.body())
            .valueStream()
            .filter(entry -> entry.get("subject").asString().equals("prefecture-31"))
            .toList();
    assertThat(prefecture)
        .extracting(entry -> entry.get("outcome").asString())
        .containsExactly("REFUSED", "READ");
    assertThat(prefecture)
        .allSatisfy(entry -> assertThat(entry.get("dossierId").asString()).isEqualTo(dossierId));
    assertThat(log.body()).contains("\"subject\":\"auditor-user\"");
  }

  @Test
  void eachReadOfTheLogIsItselfInTheLog() {
    auditor("31").get("/api/departements/31/access-log?from=2019-01-01T00:00:00Z");

    var log = auditor("31").get("/api/departements/31/access-log?limit=1000");

    assertThat(log.body())
        .contains("\"subject\":\"auditor-user\"")
        .contains("\"operation\":\"read the access log");
  }

  @Test
  void onlyAnAuditorOfTheDepartementReadsItsLog() {
    assertThat(auditor("75").get("/api/departements/31/access-log").statusCode()).isEqualTo(403);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", "*"))
                .get("/api/departements/31/access-log")
                .statusCode())
        .isEqualTo(403);
    assertThat(TestHttp.onPort(port).get("/api/departements/31/access-log").statusCode())
        .isEqualTo(401);
  }

  @Test
  void badFiltersAreNamedAndNothingIsRead() {
    var response =
        auditor("31")
            .get(
                "/api/departements/31/access-log?limit=0&offset=-1"
                    + "&from=2020-01-01T00:00:00Z&to=2019-01-01T00:00:00Z");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"limit\"", "\"offset\"", "\"to\"");
  }

  /** An instant no entry can have (epoch milliseconds of year 292 million) is named, not a 500. */
  @Test
  void anInstantBeyondTheCalendarIsNamedAndNothingIsRead() {
    int entriesBefore = entries();
    var response =
        auditor("31")
            .get(
                "/api/departements/31/access-log?to=9223372036854775807&from=-9223372036854775807");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"from\"", "\"to\"");
    assertThat(entries()).isEqualTo(entriesBefore + 1);
  }

  /** A dossier id no dossier can have is refused before the read is logged (a NUL, 65 chars). */
  @Test
  void aDossierIdNoDossierCanHaveIsNamedAndNothingIsRead() {
    int entriesBefore = entries();
    for (String dossierId : List.of("%00", "d".repeat(65), "a%0Ab")) {
      var response =
          auditor("31").get("/api/departements/31/access-log?limit=7&dossierId=" + dossierId);

      assertThat(response.statusCode()).as(dossierId).isEqualTo(400);
      assertThat(response.body()).contains("\"dossierId\"");
    }
    // one more entry: the read that counted them before
    assertThat(entries()).isEqualTo(entriesBefore + 1);
  }

  private int entries() {
    return JSON.readTree(auditor("31").get("/api/departements/31/access-log?limit=1000").body())
        .size();
  }

  private TestHttp auditor(String departement) {
    return TestHttp.onPort(port).as(TestTokens.staff("AUDITOR", departement));
  }

  private static void publish(String topic, String dossierId, String outcome, String at) {
    String json =
        ACCESS
            .goldenSample()
            .replace(GOLDEN_DOSSIER, dossierId)
            .replace("0b6f3c1e-52a4-4d0e-9a51-6d0f2f4f1a01", UUID.randomUUID().toString())
            .replace("2019-06-14T09:42:07.125Z", at)
            .replace("\"outcome\": \"READ\"", "\"outcome\": \"" + outcome + "\"")
            .replace(
                "\"refusal\": null",
                "\"refusal\": " + ("REFUSED".equals(outcome) ? "\"ROLE\"" : "null"));
    ACCESS.assertValid(json);
    TestEvents.send(topic, UUID.randomUUID().toString(), AccessRecorded.TYPE, dossierId, json);
  }
}
