package fr.passerelle.benefits.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.passerelle.benefits.reminder.query.RightsTodoList;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminders no event brings: each day, on the persistent scheduler (one instance runs it, a
 * restart loses it not), the month's payment run is put on the paying body's list in each
 * département the AFIS reaches, until a run of the month is confirmed.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

  static final String TASK = "rights-reminders";

  @Bean
  RecurringTask<Void> paymentRunsDue(RightsTodoList todo, Clock clock) {
    return Tasks.recurring(TASK, Schedules.daily(clock.getZone(), LocalTime.of(1, 0)))
        .execute((instance, context) -> todo.openPaymentRunsDue(LocalDate.now(clock)));
  }
}
