package fr.passerelle.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest
class DossierServiceIT {

  private static final Pattern DOSSIER_ID = Pattern.compile("\"dossierId\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSubmittedDossierIsStoredAsAnEventAndPublishedWithCloudEventsHeaders() {
    var response =
        TestHttp.onPort(port).postJson("/api/departements/31/dossiers", Dossiers.aSubmissionBody());

    assertThat(response.statusCode()).isEqualTo(201);
    Matcher id = DOSSIER_ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    String dossierId = id.group(1);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/api/departements/31/dossiers/" + dossierId);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                dossierId))
        .isEqualTo(1);

    try (var topic = new TopicReader(DossierEvents.TOPIC)) {
      ConsumerRecord<String, String> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> find(topic.readAll(), dossierId), record -> record != null);

      assertThat(header(published, "ce_type")).isEqualTo(DossierSubmitted.TYPE);
      assertThat(header(published, "ce_subject")).isEqualTo(dossierId);
      assertThat(header(published, "ce_source")).isEqualTo(DossierEvents.SOURCE);
      assertThat(header(published, "ce_specversion")).isEqualTo("1.0");
      assertThat(header(published, "ce_id")).isNotBlank();
      assertThat(Instant.parse(header(published, "ce_time"))).isBeforeOrEqualTo(Instant.now());
      EventContract.of(DossierSubmitted.TYPE).assertValid(published.value());
    }
  }

  @Test
  void eventPayloadsAreStoredAsByteaNotLargeObjects() {
    List<String> types =
        jdbc.queryForList(
            "SELECT data_type FROM information_schema.columns"
                + " WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')"
                + " AND column_name IN ('payload', 'meta_data', 'token')",
            String.class);

    assertThat(types).hasSize(5).containsOnly("bytea");
  }

  @Test
  void anInvalidSubmissionIsRefusedFieldByFieldAndChangesNothing() {
    long eventsBefore = countEvents();

    var response =
        TestHttp.onPort(port)
            .postJson(
                "/api/departements/31/dossiers", "{\"nationality\":\"Nigeria\",\"children\":-1}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"title\":\"Requête invalide\"")
        .contains("\"field\":\"nationality\"")
        .contains("\"field\":\"children\"")
        .contains("\"field\":\"traffickingVictim\"");
    assertThat(countEvents()).isEqualTo(eventsBefore);
  }

  @Test
  void anUnknownDepartementIsRefused() {
    var response =
        TestHttp.onPort(port).postJson("/api/departements/20/dossiers", Dossiers.aSubmissionBody());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"departmentCode\"");
  }

  private long countEvents() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  private static ConsumerRecord<String, String> find(
      List<ConsumerRecord<String, String>> records, String dossierId) {
    return records.stream().filter(r -> dossierId.equals(r.key())).findFirst().orElse(null);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
