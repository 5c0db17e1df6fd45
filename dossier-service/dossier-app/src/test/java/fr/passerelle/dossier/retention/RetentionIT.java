package fr.passerelle.dossier.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.dossier.Dossiers;
import fr.passerelle.dossier.MovableClock;
import fr.passerelle.dossier.events.PersonalDataErased;
import fr.passerelle.dossier.events.PersonalDataErasureDue;
import fr.passerelle.dossier.intake.api.ErasureAnnounced;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * Retention on a clock the test moves: a draft never submitted is announced 30 days before its 3
 * months and erased on the day; a refused dossier 2 years after its last contact; two sweeps at
 * once warn once.
 */
@ServiceIntegrationTest
class RetentionIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");
  private static final EventContract REFUSED = EventContract.of(PathwayRefused.TYPE);
  private static final EventContract RENEWED = EventContract.of(PathwayRenewed.TYPE);
  private static final EventContract ENDED = EventContract.of(PathwayEnded.TYPE);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonVault vault;
  @Autowired RetentionSweep sweep;
  @Autowired MovableClock clock;

  /** Axon stamps the events it records with its own clock (a revision's time): the same one. */
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
  void aDraftNeverSubmittedIsAnnouncedThenErasedThreeMonthsAfterItsLastChange() {
    LocalDate drafted = LocalDate.of(2026, 1, 10);
    clock.set(drafted);
    String associationId = association();
    String dossierId = draft(associationId);
    String personId = personIdOf(dossierId);
    LocalDate due = drafted.plusMonths(3);

    clock.set(due.minusDays(31));
    sweep.sweep();
    assertThat(announcements(dossierId)).isZero();

    clock.set(due.minusDays(30));
    var both =
        List.of(
            CompletableFuture.supplyAsync(sweep::sweep),
            CompletableFuture.supplyAsync(sweep::sweep));
    both.forEach(CompletableFuture::join);
    sweep.sweep();
    awaitAnnouncements(dossierId);
    String warning = Dossiers.awaitPublished(dossierId, PersonalDataErasureDue.TYPE).value();
    EventContract.of(PersonalDataErasureDue.TYPE).assertValid(warning);
    assertThat(warning)
        .contains(
            "\"erasureDueOn\":\"" + due + "\"",
            "\"reason\":\"DRAFT_NOT_SUBMITTED\"",
            "\"associationId\":\"" + associationId + "\"");
    var todo =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "31"))
            .get("/api/departements/31/erasures-due");
    assertThat(todo.statusCode()).isEqualTo(200);
    assertThat(todo.body())
        .contains("\"dossierId\":\"" + dossierId + "\"", "\"erasureOn\":\"" + due + "\"");
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.association(association(), "31"))
                .get("/api/departements/31/erasures-due")
                .body())
        .doesNotContain(dossierId);
    assertThat(vault.read(personId)).isPresent();

    clock.set(due.minusDays(1));
    sweep.sweep();
    assertThat(vault.read(personId)).isPresent();

    clock.set(due);
    sweep.sweep();
    awaitErased(personId);
    assertThat(Dossiers.awaitPublished(dossierId, PersonalDataErased.TYPE).value())
        .contains("\"reason\":\"DRAFT_NOT_SUBMITTED\"", "\"erasedOn\":\"" + due + "\"");
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.association(associationId, "31"))
                .get("/api/departements/31/erasures-due")
                .body())
        .doesNotContain(dossierId);
  }

  /**
   * A Martinique draft is warned and erased on Martinique's days: at 02:30 UTC Paris has reached
   * the day, Martinique (22:30 the day before) has not, and the sweep does nothing yet.
   */
  @Test
  void anOverseasDraftIsAnnouncedAndErasedOnItsDepartementsDaysNotParis() {
    LocalDate drafted = LocalDate.of(2026, 1, 10);
    clock.set(drafted.atTime(12, 0).toInstant(ZoneOffset.UTC));
    var prefecture = TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", "972"));
    String associationId =
        id(
            prefecture
                .postJson(
                    "/api/departements/972/associations",
                    """
                    {"name":"Association","approvedFrom":"2025-01-10","approvedUntil":"2028-01-10"}""")
                .body());
    var drafting =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "972"))
            .postJson(
                "/api/departements/972/dossiers",
                Dossiers.aCompleteDossierBody(associationId).replace("2019-03-01", "2025-12-01"));
    assertThat(drafting.statusCode()).as(drafting.body()).isEqualTo(201);
    String dossierId = id(drafting.body());
    String personId = personIdOf(dossierId);
    LocalDate due = drafted.plusMonths(3);

    clock.set(due.minusDays(30).atTime(2, 30).toInstant(ZoneOffset.UTC));
    sweep.sweep();
    assertThat(announcements(dossierId)).isZero();

    clock.set(due.minusDays(30).atTime(12, 0).toInstant(ZoneOffset.UTC));
    sweep.sweep();
    awaitAnnouncements(dossierId);
    assertThat(Dossiers.awaitPublished(dossierId, PersonalDataErasureDue.TYPE).value())
        .contains("\"erasureDueOn\":\"" + due + "\"");

    clock.set(due.atTime(2, 30).toInstant(ZoneOffset.UTC));
    sweep.sweep();
    assertThat(vault.read(personId)).isPresent();

    clock.set(due.atTime(12, 0).toInstant(ZoneOffset.UTC));
    sweep.sweep();
    awaitErased(personId);
    assertThat(Dossiers.awaitPublished(dossierId, PersonalDataErased.TYPE).value())
        .contains("\"erasedOn\":\"" + due + "\"");
  }

  @Test
  void aRevisionMovesTheDraftsErasure() {
    LocalDate drafted = LocalDate.of(2026, 1, 10);
    clock.set(drafted);
    String associationId = association();
    String dossierId = draft(associationId);
    String personId = personIdOf(dossierId);

    LocalDate revised = drafted.plusMonths(2);
    clock.set(revised);
    var revision =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "31"))
            .putJson(
                "/api/departements/31/dossiers/" + dossierId,
                Dossiers.aCompleteDossierBody(associationId));
    assertThat(revision.statusCode()).as(revision.body()).isEqualTo(200);

    clock.set(drafted.plusMonths(3));
    sweep.sweep();
    assertThat(vault.read(personId)).isPresent();
    assertThat(announcements(dossierId)).isZero();
    clock.set(revised.plusMonths(3).minusDays(30));
    sweep.sweep();
    awaitAnnouncements(dossierId);
  }

  @Test
  void aRefusedDossierIsErasedTwoYearsAfterItsLastContact() {
    LocalDate submittedOn = LocalDate.of(2026, 1, 10);
    clock.set(submittedOn);
    String associationId = association();
    String dossierId = draft(associationId);
    String personId = personIdOf(dossierId);
    var submitted =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "31"))
            .postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    LocalDate refusedOn = submittedOn.plusDays(40);
    TestEvents.send(
        DecisionEvents.TOPIC,
        UUID.randomUUID().toString(),
        PathwayRefused.TYPE,
        dossierId,
        REFUSED
            .goldenSample()
            .replace("7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", dossierId)
            .replace("2019-04-18", refusedOn.toString()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT stage FROM retention_schedule WHERE dossier_id = ?",
                    String.class,
                    dossierId),
            "CLOSED"::equals);

    LocalDate due = refusedOn.plusYears(2);
    clock.set(due.minusDays(31));
    sweep.sweep();
    assertThat(announcements(dossierId)).isZero();
    clock.set(due.minusDays(30));
    sweep.sweep();
    assertThat(Dossiers.awaitPublished(dossierId, PersonalDataErasureDue.TYPE).value())
        .contains("\"erasureDueOn\":\"" + due + "\"", "RETENTION_AFTER_LAST_CONTACT");
    clock.set(due);
    sweep.sweep();
    awaitErased(personId);
    assertThat(Dossiers.awaitPublished(dossierId, PersonalDataErased.TYPE).value())
        .contains("\"reason\":\"RETENTION_AFTER_LAST_CONTACT\"");
  }

  @Test
  void anEndedPathwayIsErasedTwoYearsAfterItsLastDayARenewalBeingAContact() {
    LocalDate submittedOn = LocalDate.of(2026, 1, 10);
    clock.set(submittedOn);
    String associationId = association();
    String dossierId = draft(associationId);
    String personId = personIdOf(dossierId);
    var submitted =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "31"))
            .postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

    LocalDate renewedOn = submittedOn.plusMonths(5);
    TestEvents.send(
        DecisionEvents.TOPIC,
        UUID.randomUUID().toString(),
        PathwayRenewed.TYPE,
        dossierId,
        RENEWED
            .goldenSample()
            .replace("5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11", dossierId)
            .replace("2019-10-17", renewedOn.toString()));
    await().atMost(Duration.ofSeconds(30)).until(() -> lastContact(dossierId), renewedOn::equals);

    LocalDate lastDay = renewedOn.plusMonths(7);
    TestEvents.send(
        DecisionEvents.TOPIC,
        UUID.randomUUID().toString(),
        PathwayEnded.TYPE,
        dossierId,
        ENDED
            .goldenSample()
            .replace("5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11", dossierId)
            .replace("2020-02-29", lastDay.toString())
            .replace("2020-02-13", lastDay.minusDays(16).toString()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT stage FROM retention_schedule WHERE dossier_id = ?",
                    String.class,
                    dossierId),
            "CLOSED"::equals);
    assertThat(lastContact(dossierId)).isEqualTo(lastDay);

    LocalDate due = lastDay.plusYears(2);
    clock.set(due.minusDays(31));
    sweep.sweep();
    assertThat(announcements(dossierId)).isZero();
    clock.set(due.minusDays(30));
    sweep.sweep();
    assertThat(Dossiers.awaitPublished(dossierId, PersonalDataErasureDue.TYPE).value())
        .contains("\"erasureDueOn\":\"" + due + "\"", "RETENTION_AFTER_LAST_CONTACT");
    clock.set(due.minusDays(1));
    sweep.sweep();
    assertThat(vault.read(personId)).isPresent();
    clock.set(due);
    sweep.sweep();
    awaitErased(personId);
  }

  private LocalDate lastContact(String dossierId) {
    return jdbc.queryForObject(
        "SELECT last_contact FROM retention_schedule WHERE dossier_id = ?",
        LocalDate.class,
        dossierId);
  }

  /**
   * The daily task on the persistent scheduler may sweep the same day as the test's own sweep (the
   * clock reached its next run): one of them warns or erases, the other finds it done; wait for
   * whichever did to commit.
   */
  private void awaitAnnouncements(String dossierId) {
    await().atMost(Duration.ofSeconds(10)).until(() -> announcements(dossierId) == 1);
    assertThat(announcements(dossierId)).isEqualTo(1);
  }

  private void awaitErased(String personId) {
    await().atMost(Duration.ofSeconds(10)).until(() -> vault.read(personId).isEmpty());
  }

  private long announcements(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
        Long.class,
        dossierId,
        ErasureAnnounced.class.getName());
  }

  private String association() {
    LocalDate today = LocalDate.now(clock);
    var approved =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", "31"))
            .postJson(
                "/api/departements/31/associations",
                """
                {"name":"Association","approvedFrom":"%s","approvedUntil":"%s"}"""
                    .formatted(today.minusYears(1), today.plusYears(2)));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    return id(approved.body());
  }

  private String draft(String associationId) {
    var drafted =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "31"))
            .postJson(
                "/api/departements/31/dossiers",
                Dossiers.aCompleteDossierBody(associationId).replace("2019-03-01", "2025-12-01"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    return id(drafted.body());
  }

  private String personIdOf(String dossierId) {
    return jdbc.queryForObject(
        "SELECT person_id FROM dossier_summary WHERE dossier_id = ?", String.class, dossierId);
  }

  private static String id(String body) {
    Matcher id = ID.matcher(body);
    assertThat(id.find()).as(body).isTrue();
    return id.group(1);
  }
}
