package fr.passerelle.dossier.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.passerelle.scheduling.SchedulingProperties;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retention sweep once a day on the persistent scheduler (ADR 15): a row of the service's
 * {@code scheduled_tasks}, picked under a lock by one instance only and rescheduled for the next
 * day when done, so that a restart loses no day and two instances do not sweep the same day twice.
 * The hour ({@code passerelle.retention.daily-at}, in the platform's zone) is at night, when nobody
 * revises a dossier the sweep might touch. A day missed while every instance was down is swept at
 * the next start: the sweep reads what is due from the clock, not from the day it was meant for.
 */
@Configuration(proxyBeanMethods = false)
class DailyRetention {

  /** The task's name in {@code scheduled_tasks}. */
  static final String TASK = "retention-sweep";

  @Bean
  RecurringTask<Void> retentionSweepTask(
      RetentionSweep sweep,
      SchedulingProperties scheduling,
      @Value("${passerelle.retention.daily-at:02:30}") LocalTime dailyAt) {
    return Tasks.recurring(TASK, Schedules.daily(scheduling.zone(), dailyAt))
        .execute((instance, context) -> sweep.sweep());
  }
}
