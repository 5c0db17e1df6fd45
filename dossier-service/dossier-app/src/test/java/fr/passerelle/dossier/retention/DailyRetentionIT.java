package fr.passerelle.dossier.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.dossier.DossierApplication;
import fr.passerelle.dossier.Dossiers;
import fr.passerelle.dossier.MovableClock;
import fr.passerelle.dossier.intake.api.ErasureAnnounced;
import fr.passerelle.dossier.intake.api.PersonalDataErased;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.ScheduledTasks;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention as the service's instances live it, on the persistent scheduler and nothing else (no
 * sweep started by the test): moving the clock past a draft's warning day warns its association
 * once; an instance stopped and two started in its place erase the data on the announced day, once;
 * every day the clock reaches is swept exactly once, whichever instances are up.
 */
class DailyRetentionIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");
  private static final MovableClock CLOCK = MovableClock.SHARED;

  @BeforeEach
  void axonReadsTheSameClock() {
    GenericEventMessage.clock = CLOCK;
  }

  @AfterEach
  void backToTheSystemsTime() {
    CLOCK.reset();
    GenericEventMessage.clock = Clock.systemUTC();
  }

  @Test
  void theDailyTaskWarnsThenErasesOnceAcrossARestartAndTwoInstances() {
    LocalDate drafted;
    LocalDate due;
    String dossierId;
    String personId;
    try (var first = start()) {
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      drafted = dayAfterTheNextRun(jdbc);
      CLOCK.set(drafted);
      awaitSweptOnce(jdbc, drafted);

      String associationId = association(first);
      dossierId = draft(first, associationId);
      personId =
          jdbc.queryForObject(
              "SELECT person_id FROM dossier_summary WHERE dossier_id = ?",
              String.class,
              dossierId);
      due = drafted.plusMonths(3);

      CLOCK.set(due.minusDays(31));
      awaitSweptOnce(jdbc, due.minusDays(31));
      assertThat(count(jdbc, dossierId, ErasureAnnounced.class)).isZero();

      CLOCK.set(due.minusDays(30));
      awaitSweptOnce(jdbc, due.minusDays(30));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> count(jdbc, dossierId, ErasureAnnounced.class) == 1);
    }

    try (var one = start();
        var other = start()) {
      JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
      PersonVault vault = other.getBean(PersonVault.class);

      CLOCK.set(due.minusDays(1));
      awaitSweptOnce(jdbc, due.minusDays(1));
      assertThat(vault.read(personId)).as("not before the announced day").isPresent();

      CLOCK.set(due);
      awaitSweptOnce(jdbc, due);
      await().atMost(Duration.ofSeconds(30)).until(() -> vault.read(personId).isEmpty());

      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  sweeps(jdbc, due) == 1
                      && count(jdbc, dossierId, ErasureAnnounced.class) == 1
                      && count(jdbc, dossierId, PersonalDataErased.class) == 1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM retention_sweep_run WHERE swept_on BETWEEN ? AND ?"
                      + " GROUP BY swept_on ORDER BY count(*) DESC LIMIT 1",
                  Long.class,
                  drafted,
                  due))
          .as("no day swept twice")
          .isEqualTo(1);
    }
  }

  /**
   * A day after the task's next run and after today: the first move of the clock makes the task
   * due, whatever earlier tests did with the clock and the task.
   */
  private static LocalDate dayAfterTheNextRun(JdbcTemplate jdbc) {
    Timestamp next =
        jdbc.queryForObject(
            "SELECT execution_time FROM scheduled_tasks WHERE task_name = ?",
            Timestamp.class,
            DailyRetention.TASK);
    LocalDate nextRun = LocalDate.ofInstant(next.toInstant(), ZoneId.of("Europe/Paris"));
    LocalDate today = LocalDate.now(Dossiers.FRANCE);
    return (nextRun.isAfter(today) ? nextRun : today).plusDays(1);
  }

  /**
   * Waits until the day is swept and its run is over: the task rescheduled, its row no longer
   * picked. The test moves the clock only then, as days pass, never under a running execution: its
   * last heartbeat, a day behind a clock moved on, would look six missed heartbeats old to every
   * instance, which would run the task again as that of a dead instance: a day swept twice, seen
   * once with two modules tested side by side, where the sweep's row is written well before its
   * execution is completed.
   */
  private static void awaitSweptOnce(JdbcTemplate jdbc, LocalDate day) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sweeps(jdbc, day) >= 1
                    && !ScheduledTasks.picked(jdbc.getDataSource(), DailyRetention.TASK));
    assertThat(sweeps(jdbc, day)).as("swept once on %s", day).isEqualTo(1);
  }

  private static long sweeps(JdbcTemplate jdbc, LocalDate day) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM retention_sweep_run WHERE swept_on = ?", Long.class, day);
  }

  private static long count(JdbcTemplate jdbc, String dossierId, Class<?> type) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
        Long.class,
        dossierId,
        type.getName());
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(DossierApplication.class)
        .initializers(new PasserelleInfrastructureInitializer())
        .run("--server.port=0", "--passerelle.scheduling.polling-interval=300ms");
  }

  private static TestHttp http(ConfigurableApplicationContext context) {
    return TestHttp.onPort(
        Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  private static String association(ConfigurableApplicationContext context) {
    LocalDate today = LocalDate.now(CLOCK);
    var approved =
        http(context)
            .as(TestTokens.staff("PREFECTURE", "31"))
            .postJson(
                "/api/departements/31/associations",
                """
                {"name":"Association","approvedFrom":"%s","approvedUntil":"%s"}"""
                    .formatted(today.minusYears(1), today.plusYears(2)));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    return id(approved.body());
  }

  private static String draft(ConfigurableApplicationContext context, String associationId) {
    var drafted =
        http(context)
            .as(TestTokens.association(associationId, "31"))
            .postJson(
                "/api/departements/31/dossiers",
                Dossiers.aCompleteDossierBody(associationId).replace("2019-03-01", "2025-12-01"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    return id(drafted.body());
  }

  private static String id(String body) {
    Matcher id = ID.matcher(body);
    assertThat(id.find()).as(body).isTrue();
    return id.group(1);
  }
}
