package fr.passerelle.dossier.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.dossier.Dossiers;
import fr.passerelle.dossier.MovableClock;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approvals to see to, on a clock the test moves: an approval shows 60 days before its last day
 * for the préfecture of its département and the association itself, and for no one else; it is gone
 * once renewed. An approval that has ended stays on the list while dossiers the association
 * submitted are still followed. Each test approves associations of départements of its own.
 */
@ServiceIntegrationTest
class ApprovalsTodoIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;

  @BeforeEach
  void axonReadsTheSameClock() {
    GenericEventMessage.clock = clock;
  }

  @AfterEach
  void backToTheSystemsTime() {
    clock.reset();
    GenericEventMessage.clock = Clock.systemUTC();
  }

  @Test
  void anApprovalEndingShowsSixtyDaysBeforeForThePrefectureAndTheAssociationUntilRenewed() {
    LocalDate lastDay = LocalDate.of(2026, 3, 31);
    clock.set(LocalDate.of(2025, 12, 1));
    String ending = approve("29", "Amicale du Finistère", lastDay.minusYears(2), lastDay);
    String lasting = approve("29", "Accueil brestois", lastDay, lastDay.plusYears(2));
    String elsewhere = approve("56", "Amicale du Morbihan", lastDay.minusYears(2), lastDay);

    clock.set(lastDay.minusDays(61));
    assertThat(todo(prefecture("29"), "29")).doesNotContain(ending);
    assertThat(todo(association(ending, "29"), "29")).isEqualTo("[]");

    clock.set(lastDay.minusDays(60));
    String item =
        "{\"kind\":\"APPROVAL_EXPIRING\",\"subject\":\"%s\",\"name\":\"Amicale du Finistère\","
                .formatted(ending)
            + "\"dueOn\":\"2026-03-31\",\"since\":\"2026-01-30\"}";
    assertThat(todo(prefecture("29"), "29")).contains(item).doesNotContain(lasting);
    assertThat(todo(association(ending, "29"), "29")).isEqualTo("[" + item + "]");
    assertThat(todo(association(lasting, "29"), "29")).isEqualTo("[]");
    assertThat(todo(prefecture("56"), "56")).contains(elsewhere).doesNotContain(ending);
    assertThat(prefecture("56").get("/api/departements/29/associations/todo").statusCode())
        .isEqualTo(403);
    assertThat(todo(secretariatOf29(), "29")).isNull();

    // renewed: the new approval follows the old one, three years at most
    var backwards = renew(prefecture("29"), "29", ending, lastDay);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("\"field\":\"approvedUntil\"");
    var tooLong = renew(prefecture("29"), "29", ending, lastDay.plusYears(3).plusDays(1));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("\"field\":\"approvedUntil\"");
    assertThat(renew(prefecture("56"), "56", ending, lastDay.plusYears(3)).statusCode())
        .isEqualTo(404);
    assertThat(todo(prefecture("29"), "29")).contains(ending);

    var renewed = renew(prefecture("29"), "29", ending, lastDay.plusYears(3));
    assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
    assertThat(renewed.body()).contains("\"approvedUntil\":\"2029-03-31\"");
    assertThat(todo(prefecture("29"), "29")).doesNotContain(ending);
    assertThat(todo(association(ending, "29"), "29")).isEqualTo("[]");

    clock.set(lastDay.plusYears(3).minusDays(60));
    assertThat(todo(prefecture("29"), "29")).contains(ending);
  }

  @Test
  void anApprovalEndedStaysOnTheListWhileTheAssociationsDossiersAreFollowed() {
    LocalDate lastDay = LocalDate.of(2026, 2, 28);
    clock.set(LocalDate.of(2026, 1, 5));
    String withDossiers =
        approve("22", "Amicale des Côtes-d'Armor", lastDay.minusYears(1), lastDay);
    String without = approve("22", "Accueil de Saint-Brieuc", lastDay.minusYears(1), lastDay);
    String dossierId = submitted(withDossiers, "22");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForList(
                    "SELECT stage FROM retention_schedule WHERE dossier_id = ?",
                    String.class,
                    dossierId),
            stages -> stages.contains("SUBMITTED"));

    clock.set(lastDay.plusDays(1));
    String todo = todo(prefecture("22"), "22");
    assertThat(todo)
        .contains(
            "{\"kind\":\"APPROVAL_EXPIRED_WITH_DOSSIERS\",\"subject\":\"" + withDossiers + "\"")
        .contains("\"dueOn\":\"2026-02-28\",\"since\":\"2026-03-01\"")
        .doesNotContain(without);
    assertThat(todo(association(withDossiers, "22"), "22")).contains(withDossiers);

    var renewed = renew(prefecture("22"), "22", withDossiers, lastDay.plusYears(3));
    assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
    assertThat(renewed.body()).contains("\"approvedFrom\":\"2025-02-28\"");
    assertThat(todo(prefecture("22"), "22")).doesNotContain(withDossiers);
  }

  /**
   * The sixty days are counted in the département's days: at 01:30 in La Réunion, Paris still the
   * day before, La Réunion's approval shows and a metropolitan one ending the same day not yet.
   */
  @Test
  void anOverseasApprovalShowsOnItsDepartementsDayNotParis() {
    LocalDate lastDay = LocalDate.of(2026, 3, 31);
    clock.set(LocalDate.of(2025, 12, 1));
    String reunion = approve("974", "Association réunionnaise", lastDay.minusYears(2), lastDay);
    String finistere = approve("29", "Association finistérienne", lastDay.minusYears(2), lastDay);

    clock.set(lastDay.minusDays(60).atStartOfDay(ZoneOffset.UTC).minusMinutes(150).toInstant());

    assertThat(todo(prefecture("974"), "974")).contains(reunion, "\"since\":\"2026-01-30\"");
    assertThat(todo(prefecture("29"), "29")).doesNotContain(finistere);
  }

  private String approve(String departement, String name, LocalDate from, LocalDate until) {
    var approved =
        prefecture(departement)
            .postJson(
                "/api/departements/" + departement + "/associations",
                """
                {"name":"%s","approvedFrom":"%s","approvedUntil":"%s"}"""
                    .formatted(name, from, until));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    return id(approved.body());
  }

  private String submitted(String associationId, String departement) {
    TestHttp association = association(associationId, departement);
    var drafted =
        association.postJson(
            "/api/departements/" + departement + "/dossiers",
            Dossiers.aCompleteDossierBody(associationId).replace("2019-03-01", "2025-12-01"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String dossierId = id(drafted.body());
    var submitted =
        association.postJson(
            "/api/departements/" + departement + "/dossiers/" + dossierId + "/submission", "");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    return dossierId;
  }

  private static HttpResponse<String> renew(
      TestHttp caller, String departement, String associationId, LocalDate until) {
    return caller.postJson(
        "/api/departements/" + departement + "/associations/" + associationId + "/approval-renewal",
        "{\"approvedUntil\":\"" + until + "\"}");
  }

  /** The list's body, or {@code null} when the caller is refused it. */
  private static String todo(TestHttp caller, String departement) {
    var response = caller.get("/api/departements/" + departement + "/associations/todo");
    return response.statusCode() == 200 ? response.body() : null;
  }

  private TestHttp prefecture(String departement) {
    return TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", departement));
  }

  private TestHttp secretariatOf29() {
    return TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", "29"));
  }

  private TestHttp association(String associationId, String departement) {
    return TestHttp.onPort(port).as(TestTokens.association(associationId, departement));
  }

  private static String id(String body) {
    Matcher matcher = ID.matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }
}
