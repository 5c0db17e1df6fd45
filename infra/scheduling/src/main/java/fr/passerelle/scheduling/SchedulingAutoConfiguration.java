package fr.passerelle.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.passerelle.eventbus.config.EventBusAutoConfiguration;
import fr.passerelle.eventbus.config.SchemaOwner;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * A persistent scheduler in every service that has a database (ADR 15): db-scheduler on the
 * service's own PostgreSQL, whose rows are picked under a lock by one instance only and outlive a
 * restart. A service declares periodic work as beans of {@link RecurringTask} (or any {@link Task}
 * it schedules itself); a service with aggregates gets Axon's {@link DbSchedulerDeadlineManager},
 * so that {@code DeadlineManager.schedule} in a command handler is kept in the same table.
 *
 * <p>Everything time-driven reads one {@link Clock} bean: the domain's "today" and the scheduler's
 * "now". A test replaces the bean with a clock it moves, and due work runs at its next poll.
 *
 * <p>Axon's own {@code AxonDbSchedulerAutoConfiguration} is kept off on purpose: it applies only
 * when a scheduler bean exists before it is evaluated, and this configuration comes after it. Its
 * deadline manager and event scheduler would each start the scheduler, and db-scheduler's {@code
 * start()} is not idempotent (a second polling loop); here {@link SchedulerLifecycle} alone starts
 * it.
 */
@AutoConfiguration(
    after = {DataSourceAutoConfiguration.class, EventBusAutoConfiguration.class},
    afterName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(SchedulingProperties.class)
public class SchedulingAutoConfiguration {

  /** The platform's clock, in the départements' zone: what "today" and "now" mean. */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock(SchedulingProperties properties) {
    return Clock.system(properties.zone());
  }

  @Bean
  SchedulingSchema schedulingSchema(SchemaOwner owner) {
    return new SchedulingSchema(owner);
  }

  /**
   * The scheduler, on a data source that joins the current Spring transaction: a task scheduled
   * while a command's events are stored commits with them, or not at all.
   */
  @Bean
  Scheduler scheduler(
      SchedulingSchema schema,
      DataSource dataSource,
      ObjectProvider<Task<?>> tasks,
      ObjectProvider<RecurringTask<?>> recurringTasks,
      Clock clock,
      SchedulingProperties properties) {
    DataSource transactional =
        dataSource instanceof TransactionAwareDataSourceProxy
            ? dataSource
            : new TransactionAwareDataSourceProxy(dataSource);
    // Recurring tasks are known through startTasks, which also schedules their first run.
    List<Task<?>> known =
        tasks.orderedStream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
    List<RecurringTask<?>> startTasks = recurringTasks.orderedStream().toList();
    return new SchedulerBuilder(transactional, known)
        .startTasks(startTasks)
        .clock(clock::instant)
        .pollingInterval(properties.pollingInterval())
        .threads(properties.threads())
        .heartbeatInterval(properties.heartbeatInterval())
        .shutdownMaxWait(properties.shutdownMaxWait())
        .enableImmediateExecution()
        .build();
  }

  @Bean
  SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
    return new SchedulerLifecycle(scheduler);
  }

  /** Aggregate deadlines on the scheduler, in the services that own aggregates. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DbSchedulerDeadlineManager.class)
  static class AxonDeadlines {

    /**
     * The task that runs Axon's deadlines. It finds the deadline manager when it runs, not when it
     * is built: the manager needs the scheduler, which needs this task.
     */
    @Bean
    Task<DbSchedulerBinaryDeadlineDetails> axonDeadlineTask(
        ObjectProvider<DbSchedulerDeadlineManager> deadlineManager) {
      return DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject);
    }

    /**
     * Axon's deadline manager on the scheduler; it neither starts nor stops the scheduler, whose
     * life is {@link SchedulerLifecycle}'s.
     */
    @Bean
    @ConditionalOnMissingBean(org.axonframework.deadline.DeadlineManager.class)
    DbSchedulerDeadlineManager deadlineManager(
        Scheduler scheduler,
        org.axonframework.config.Configuration configuration,
        @Qualifier("eventSerializer") Serializer serializer,
        TransactionManager transactionManager) {
      return DbSchedulerDeadlineManager.builder()
          .scheduler(scheduler)
          .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
          .serializer(serializer)
          .transactionManager(transactionManager)
          .startScheduler(false)
          .stopScheduler(false)
          .build();
    }
  }
}
