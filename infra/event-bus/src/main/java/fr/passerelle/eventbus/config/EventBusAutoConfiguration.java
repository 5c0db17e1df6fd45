package fr.passerelle.eventbus.config;

import fr.passerelle.eventbus.consume.Inbox;
import java.util.HashMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.backoff.ExponentialBackOff;

/** What every service gets from the event bus: its tables, the inbox, retries, Kafka health. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(EventBusProperties.class)
public class EventBusAutoConfiguration {

  private static final String AXON_EVENT_STORE =
      "org.axonframework.eventsourcing.eventstore.EventStore";

  @Bean
  @ConditionalOnBean(DataSource.class)
  EventBusSchema eventBusSchema(DataSource dataSource) {
    return new EventBusSchema(
        dataSource, ClassUtils.isPresent(AXON_EVENT_STORE, getClass().getClassLoader()));
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  Inbox inbox(
      EventBusSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    return new Inbox(jdbc, new TransactionTemplate(transactionManager));
  }

  /**
   * A listener that throws is retried with exponential backoff, without limit, on the same record:
   * nothing is skipped and the order of a dossier's events holds.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  CommonErrorHandler eventBusErrorHandler(EventBusProperties properties) {
    var backOff = new ExponentialBackOff();
    backOff.setInitialInterval(properties.consumer().initialBackoff().toMillis());
    backOff.setMaxInterval(properties.consumer().maxBackoff().toMillis());
    return new DefaultErrorHandler(backOff);
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties) {
    var admin = new HashMap<>(kafkaProperties.buildAdminProperties());
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
    return new KafkaHealthIndicator(admin);
  }
}
