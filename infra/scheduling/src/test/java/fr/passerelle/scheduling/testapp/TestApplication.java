package fr.passerelle.scheduling.testapp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.passerelle.testsupport.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service with time-driven work of the three kinds the scheduler runs: a one-time task it
 * schedules itself, a recurring task declared as a bean, and an aggregate's deadline. Each records
 * its runs in the {@code ran} table, with the instance that ran it. Every instance of the
 * application in the JVM reads the one {@link #CLOCK}.
 */
@SpringBootApplication
public class TestApplication {

  /** Shared by every instance: a test moves it and due work runs, on whichever instance. */
  public static final TestClock CLOCK = TestClock.at(LocalDate.parse("2019-01-01"));

  public static final String ONE_TIME = "record-once";
  public static final String DAILY = "daily-tick";

  /** Which instance this is, as recorded in {@code ran.run_by}. */
  private final String instance = UUID.randomUUID().toString();

  @Bean
  Clock clock() {
    return CLOCK;
  }

  @Bean
  Task<String> recordOnce(JdbcTemplate jdbc) {
    return Tasks.oneTime(ONE_TIME, String.class)
        .execute((execution, context) -> ran(jdbc, ONE_TIME, execution.getData()));
  }

  /** Every day at 02:00 Paris time, on one instance only. */
  @Bean
  RecurringTask<Void> dailyTick(JdbcTemplate jdbc, Clock clock) {
    return Tasks.recurring(DAILY, Schedules.daily(TestClock.PARIS, LocalTime.of(2, 0)))
        .execute(
            (execution, context) ->
                ran(jdbc, DAILY, LocalDate.ofInstant(clock.instant(), TestClock.PARIS).toString()));
  }

  private void ran(JdbcTemplate jdbc, String task, String value) {
    jdbc.update("INSERT INTO ran (task, value, run_by) VALUES (?, ?, ?)", task, value, instance);
  }

  /** Sets a reminder due at {@code dueAt}. */
  public record SetReminderCommand(@TargetAggregateIdentifier String reminderId, Instant dueAt) {}

  public record ReminderSet(String reminderId, Instant dueAt) {}

  public record ReminderDue(String reminderId) {}

  /** The payload of the reminder's deadline. */
  public record Due(String reminderId) {}

  /** An aggregate whose deadline, scheduled by a command, applies an event when it is due. */
  @Aggregate
  public static class Reminder {

    @AggregateIdentifier private String reminderId;

    protected Reminder() {}

    @CommandHandler
    public Reminder(SetReminderCommand command, DeadlineManager deadlines) {
      apply(new ReminderSet(command.reminderId(), command.dueAt()));
      deadlines.schedule(command.dueAt(), "reminder-due", new Due(command.reminderId()));
    }

    @DeadlineHandler(deadlineName = "reminder-due")
    void on(Due due) {
      apply(new ReminderDue(due.reminderId()));
    }

    @EventSourcingHandler
    void on(ReminderSet event) {
      this.reminderId = event.reminderId();
    }
  }
}
