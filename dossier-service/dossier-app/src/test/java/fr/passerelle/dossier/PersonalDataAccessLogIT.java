package fr.passerelle.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read of a person's identity is logged, and auditors read the log of their département. */
@ServiceIntegrationTest
class PersonalDataAccessLogIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private TestHttp auditor;
  private TestHttp association;
  private String dossierId;

  @BeforeEach
  void aDossier() {
    var approved =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", "31"))
            .postJson("/api/departements/31/associations", Dossiers.anAssociationBody());
    String associationId = id(approved);
    association = TestHttp.onPort(port).as(TestTokens.association(associationId, "31"));
    dossierId =
        id(
            association.postJson(
                "/api/departements/31/dossiers", Dossiers.aCompleteDossierBody(associationId)));
    auditor = TestHttp.onPort(port).as(TestTokens.staff("AUDITOR", "31"));
  }

  @Test
  void eachReadOfTheIdentityRecordsWhoWhenWhichDossierAndRouteButNoPersonalData() {
    Instant before = Instant.now().minusSeconds(1);
    assertThat(association.get("/api/departements/31/dossiers/" + dossierId).body())
        .contains("Okafor");
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("SECRETARIAT", "31"))
                .get("/api/departements/31/dossiers/" + dossierId)
                .statusCode())
        .isEqualTo(200);

    var log = auditor.get("/api/departements/31/access-log?dossierId=" + dossierId);

    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    assertThat(log.body())
        .containsSubsequence("\"subject\":\"secretariat-user\"", "\"subject\":\"association-")
        .contains(
            "\"roles\":[\"SECRETARIAT\"]",
            "\"roles\":[\"ASSOCIATION\"]",
            "\"departmentCode\":\"31\"",
            "\"dossierId\":\"" + dossierId + "\"",
            "\"route\":\"GET /api/departements/{departmentCode}/dossiers/{dossierId}\"")
        .doesNotContain("Okafor", "Blessing", "1994", "+33", "example.org");
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT * FROM personal_data_access WHERE dossier_id = ?", dossierId);
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allSatisfy(
            row ->
                assertThat(row.values().toString())
                    .doesNotContain("Okafor", "Blessing", "1994", "+33", "example.org"));
    assertThat(
            auditor
                .get(
                    "/api/departements/31/access-log?dossierId="
                        + dossierId
                        + "&from="
                        + encode(before.toString())
                        + "&to="
                        + encode(Instant.now().plusSeconds(60).toString()))
                .body())
        .contains(dossierId);
    assertThat(
            auditor
                .get(
                    "/api/departements/31/access-log?dossierId="
                        + dossierId
                        + "&to="
                        + encode(before.toString()))
                .body())
        .isEqualTo("[]");
  }

  @Test
  void theLogIsPagedAndScopedToTheDepartement() {
    for (int read = 0; read < 3; read++) {
      association.get("/api/departements/31/dossiers/" + dossierId);
    }

    var page = auditor.get("/api/departements/31/access-log?dossierId=" + dossierId + "&limit=2");
    var next =
        auditor.get("/api/departements/31/access-log?dossierId=" + dossierId + "&limit=2&offset=2");

    assertThat(count(page.body())).isEqualTo(2);
    assertThat(count(next.body())).isEqualTo(1);
    assertThat(auditor.get("/api/departements/31/access-log?limit=1001").statusCode())
        .isEqualTo(400);
    assertThat(auditor.get("/api/departements/31/access-log?limit=0").statusCode()).isEqualTo(400);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("AUDITOR", "75"))
                .get("/api/departements/75/access-log?dossierId=" + dossierId)
                .body())
        .isEqualTo("[]");
  }

  @Test
  void aReadThatFailsLeavesNoEntry() {
    var missing = association.get("/api/departements/31/dossiers/no-such-dossier");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_access WHERE dossier_id = 'no-such-dossier'",
                Long.class))
        .isZero();
  }

  private static int count(String json) {
    return json.split("\"dossierId\"", -1).length - 1;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }
}
