package fr.passerelle.reporting.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.passerelle.audit.events.ReportingEvents;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.eventbus.config.SchemaOwner;
import fr.passerelle.eventbus.consume.EventConsumer;
import fr.passerelle.reporting.audit.ledger.AuditLedger;
import fr.passerelle.reporting.audit.seal.DailySeals;
import fr.passerelle.reporting.audit.seal.PublishedSeals;
import fr.passerelle.reporting.audit.seal.ReportingOutbox;
import fr.passerelle.reporting.audit.verify.ChainVerifier;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit ledger (docs/adr, a history that proves itself): its tables, outside the read-model
 * generations and migrated by the database's owner; the consumer that appends every event of every
 * topic to it; the daily seals, published on reporting-service's own topic through its outbox; and
 * the verification of the chains against them.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  /** The consumer's name, also its key in the inbox. */
  static final String LEDGER_CONSUMER = "audit-ledger";

  /** The recurring task that seals the days over and publishes the seals. */
  static final String SEALS_TASK = "audit-seals";

  @Bean
  AuditLedger auditLedger(SchemaOwner owner, JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    owner
        .flyway()
        .schemas("public")
        .defaultSchema("public")
        .locations("classpath:db/reporting-audit")
        .table("reporting_audit_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new AuditLedger(jdbc, clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The ledger's consumer, live only: the ledger is kept for ever beside the read models'
   * generations ({@code public.audit_event}), so a rebuild reading every record again would only
   * find each one in it already.
   */
  @Bean
  EventConsumer auditLedgerConsumer(AuditLedger ledger) {
    return EventConsumer.named(LEDGER_CONSUMER)
        .topics(DossierEvents.TOPIC, DecisionEvents.TOPIC, BenefitsEvents.TOPIC)
        .onEveryType(ledger::append)
        .liveOnly()
        .build();
  }

  /** reporting-service's topic: its seals, kept for ever, in one partition (they are few). */
  @Bean
  NewTopic reportingTopic() {
    return TopicBuilder.name(ReportingEvents.TOPIC)
        .partitions(1)
        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
        .build();
  }

  @Bean(destroyMethod = "close")
  Producer<String, String> reportingProducer(KafkaProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(config);
  }

  @Bean
  DailySeals dailySeals(
      AuditLedger ledger,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new DailySeals(
        jdbc, new TransactionTemplate(transactions), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ReportingOutbox reportingOutbox(
      AuditLedger ledger,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Producer<String, String> reportingProducer,
      ObjectProvider<Clock> clock) {
    return new ReportingOutbox(
        jdbc,
        new TransactionTemplate(transactions),
        reportingProducer,
        clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * Every hour at five past, in Paris: the days over are sealed, and what the outbox holds is sent
   * (a seal not sent for want of Kafka is sent at a later run).
   */
  @Bean
  RecurringTask<Void> auditSeals(DailySeals seals, ReportingOutbox outbox) {
    return Tasks.recurring(SEALS_TASK, Schedules.cron("0 5 * * * *", DailySeals.PARIS))
        .execute(
            (instance, context) -> {
              seals.sealDueDays();
              outbox.relay();
            });
  }

  @Bean
  ChainVerifier chainVerifier(
      AuditLedger ledger,
      DataSource dataSource,
      KafkaProperties kafka,
      ObjectProvider<Clock> clock) {
    return new ChainVerifier(
        dataSource,
        new PublishedSeals(kafka.buildConsumerProperties()),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
