package fr.passerelle.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.contract.EventContract;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every write and read of a person's identity, and every refused attempt, leaves an entry in the
 * access log, published on dossier.events for reporting-service to gather: who (subject, roles,
 * association), what (route), which dossier, the outcome, never the person's data.
 */
@ServiceIntegrationTest
class AccessLogIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");

  @LocalServerPort int port;

  private TopicReader topic;
  private String associationId;
  private TestHttp association;

  @BeforeEach
  void anAssociation() {
    topic = new TopicReader(DossierEvents.TOPIC);
    associationId =
        id(
            TestHttp.onPort(port)
                .as(TestTokens.staff("PREFECTURE", "31"))
                .postJson("/api/departements/31/associations", Dossiers.anAssociationBody()));
    association = TestHttp.onPort(port).as(TestTokens.association(associationId, "31"));
  }

  @AfterEach
  void close() {
    topic.close();
  }

  @Test
  void aDraftIsRecordedAsAWriteOfPersonalData() {
    String dossierId =
        id(
            association.postJson(
                "/api/departements/31/dossiers", Dossiers.aCompleteDossierBody(associationId)));

    AccessRecorded entry = entryOf(dossierId, AccessRecorded.Outcome.WRITE);

    assertThat(entry.subject()).isEqualTo("association-" + associationId);
    assertThat(entry.roles()).containsExactly("ASSOCIATION");
    assertThat(entry.associationId()).isEqualTo(associationId);
    assertThat(entry.departmentCode()).isEqualTo("31");
    assertThat(entry.operation()).isEqualTo("draft a dossier");
    assertThat(entry.path()).isEqualTo("/api/departements/{departmentCode}/dossiers");
    assertThat(entry.requestId()).isNotBlank();
  }

  @Test
  void eachReadOfTheIdentityIsRecordedWithoutAnyOfIt() {
    String dossierId =
        id(
            association.postJson(
                "/api/departements/31/dossiers", Dossiers.aCompleteDossierBody(associationId)));

    var read =
        TestHttp.onPort(port)
            .as(TestTokens.staff("SECRETARIAT", "31"))
            .get("/api/departements/31/dossiers/" + dossierId);

    assertThat(read.body()).contains("Okafor");
    ConsumerRecord<String, String> published = recordOf(dossierId, AccessRecorded.Outcome.READ);
    EventContract.of(AccessRecorded.TYPE).assertValid(published.value());
    assertThat(published.value())
        .doesNotContain("Okafor", "Blessing", "1994-05-02", "+33", "example.org");
    AccessRecorded entry = EventJson.read(published.value(), AccessRecorded.class);
    assertThat(entry.subject()).isEqualTo("secretariat-user");
    assertThat(entry.associationId()).isNull();
    assertThat(entry.operation()).isEqualTo("read a dossier with the person's identity");
  }

  @Test
  void refusedAttemptsAreRecordedWithTheirReason() {
    String dossierId =
        id(
            association.postJson(
                "/api/departements/31/dossiers", Dossiers.aCompleteDossierBody(associationId)));
    String otherAssociation =
        id(
            TestHttp.onPort(port)
                .as(TestTokens.staff("PREFECTURE", "31"))
                .postJson("/api/departements/31/associations", Dossiers.anAssociationBody()));

    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.association(otherAssociation, "31"))
                .get("/api/departements/31/dossiers/" + dossierId)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("PAYING_BODY", "31"))
                .get("/api/departements/31/dossiers/" + dossierId)
                .statusCode())
        .isEqualTo(403);

    List<AccessRecorded> refusals = entriesOf(dossierId, AccessRecorded.Outcome.REFUSED, 2);
    assertThat(refusals)
        .extracting(AccessRecorded::refusal, AccessRecorded::associationId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ASSOCIATION", otherAssociation),
            org.assertj.core.groups.Tuple.tuple("ROLE", null));
  }

  private AccessRecorded entryOf(String dossierId, AccessRecorded.Outcome outcome) {
    return EventJson.read(recordOf(dossierId, outcome).value(), AccessRecorded.class);
  }

  private ConsumerRecord<String, String> recordOf(
      String dossierId, AccessRecorded.Outcome outcome) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> records(dossierId, outcome), found -> !found.isEmpty())
        .get(0);
  }

  private List<AccessRecorded> entriesOf(
      String dossierId, AccessRecorded.Outcome outcome, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> records(dossierId, outcome), found -> found.size() >= count)
        .stream()
        .map(record -> EventJson.read(record.value(), AccessRecorded.class))
        .toList();
  }

  private List<ConsumerRecord<String, String>> records(
      String dossierId, AccessRecorded.Outcome outcome) {
    return topic.readAll().stream()
        .filter(record -> dossierId.equals(record.key()))
        .filter(record -> AccessRecorded.TYPE.equals(header(record, "ce_type")))
        .filter(record -> EventJson.read(record.value(), AccessRecorded.class).outcome() == outcome)
        .toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }
}
