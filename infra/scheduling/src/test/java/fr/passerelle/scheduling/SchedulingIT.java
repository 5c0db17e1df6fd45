package fr.passerelle.scheduling;

import static fr.passerelle.scheduling.testapp.TestApplication.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import fr.passerelle.scheduling.testapp.TestApplication;
import fr.passerelle.scheduling.testapp.TestApplication.ReminderDue;
import fr.passerelle.scheduling.testapp.TestApplication.SetReminderCommand;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.ScheduledTasks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persistent scheduler as a service's instances live it: work scheduled by one instance is
 * still there after it stops, and runs once when due, on one of two instances sharing the database,
 * when the shared clock says it is due.
 */
class SchedulingIT {

  @Test
  void workScheduledBeforeARestartRunsOnceOnOneOfTwoInstances() {
    String value = UUID.randomUUID().toString();
    String reminderId = UUID.randomUUID().toString();
    Instant tomorrow = CLOCK.instant().plus(Duration.ofDays(1));
    try (var first = start()) {
      @SuppressWarnings("unchecked")
      OneTimeTask<String> task = first.getBean("recordOnce", OneTimeTask.class);
      first.getBean(Scheduler.class).schedule(task.instance(value, value), tomorrow);
      first.getBean(CommandGateway.class).sendAndWait(new SetReminderCommand(reminderId, tomorrow));
      assertThat(scheduled(first, value)).isEqualTo(1);
    }

    try (var one = start();
        var other = start()) {
      JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
      assertThat(runsOf(jdbc, value)).as("not due yet").isZero();

      CLOCK.advance(Duration.ofDays(2));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> runsOf(jdbc, value) == 1 && remindersDue(jdbc, reminderId) == 1);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(() -> runsOf(jdbc, value) == 1 && remindersDue(jdbc, reminderId) == 1);
      assertThat(scheduled(other, value)).as("done, so no longer scheduled").isZero();
    }
  }

  @Test
  void aRecurringTaskRunsOncePerPeriodWhicheverInstancesAreUp() {
    try (var one = start();
        var other = start()) {
      JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
      for (int day = 0; day < 3; day++) {
        LocalDate next = CLOCK.today().plusDays(1);
        CLOCK.set(next.atTime(LocalTime.of(3, 0)).atZone(CLOCK.getZone()).toInstant());

        // The clock moves on only once the day's run is over, its row rescheduled and no longer
        // picked: the task writes its row before db-scheduler completes the execution, and an
        // execution completed after the clock moved a day on is rescheduled from that day, the day
        // in between never run (seen once with the other core busy).
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    dailyRuns(jdbc, next) == 1
                        && !ScheduledTasks.picked(jdbc.getDataSource(), TestApplication.DAILY));
      }
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(
              () ->
                  jdbc.queryForObject(
                          "SELECT count(*) FROM (SELECT value FROM ran WHERE task = ?"
                              + " GROUP BY value HAVING count(*) > 1) twice",
                          Long.class,
                          TestApplication.DAILY)
                      == 0);
    }
  }

  @Test
  void aggregateDeadlinesUseTheSchedulerAndNothingElseStartsIt() {
    try (var context = start()) {
      assertThat(context.getBean(DeadlineManager.class))
          .isInstanceOf(DbSchedulerDeadlineManager.class);
      assertThat(context.getBeansOfType(EventScheduler.class).values())
          .noneMatch(DbSchedulerEventScheduler.class::isInstance);
      assertThat(context.getBeansOfType(Scheduler.class)).hasSize(1);
    }
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(TestApplication.class)
        .initializers(new PasserelleInfrastructureInitializer())
        .run();
  }

  private static long scheduled(ConfigurableApplicationContext context, String instance) {
    return context
        .getBean(JdbcTemplate.class)
        .queryForObject(
            "SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
            Long.class,
            TestApplication.ONE_TIME,
            instance);
  }

  private static long runsOf(JdbcTemplate jdbc, String value) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ran WHERE task = ? AND value = ?",
        Long.class,
        TestApplication.ONE_TIME,
        value);
  }

  private static long dailyRuns(JdbcTemplate jdbc, LocalDate day) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ran WHERE task = ? AND value = ?",
        Long.class,
        TestApplication.DAILY,
        day.toString());
  }

  private static long remindersDue(JdbcTemplate jdbc, String reminderId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " AND payload_type = ?",
        Long.class,
        reminderId,
        ReminderDue.class.getName());
  }
}
