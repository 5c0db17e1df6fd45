package fr.passerelle.eventbus.config;

import fr.passerelle.eventbus.consume.ConsumerAvailability;
import fr.passerelle.eventbus.consume.DeadLetterController;
import fr.passerelle.eventbus.consume.DeadLetterMetrics;
import fr.passerelle.eventbus.consume.DeadLetterOperations;
import fr.passerelle.eventbus.consume.DeadLetters;
import fr.passerelle.eventbus.consume.DeliveryGate;
import fr.passerelle.eventbus.consume.DurableOffsets;
import fr.passerelle.eventbus.consume.EventConsumer;
import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.eventbus.consume.EventConsumersHealthIndicator;
import fr.passerelle.eventbus.consume.EventDelivery;
import fr.passerelle.eventbus.consume.Inbox;
import fr.passerelle.eventbus.tracing.MessageTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
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
  SchemaOwner schemaOwner(DataSource dataSource, Environment environment) {
    return SchemaOwner.of(dataSource, environment);
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  EventBusSchema eventBusSchema(SchemaOwner owner) {
    return new EventBusSchema(
        owner, ClassUtils.isPresent(AXON_EVENT_STORE, getClass().getClassLoader()));
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  DeadLetters deadLetters(EventBusSchema schema, JdbcTemplate jdbc) {
    return new DeadLetters(jdbc);
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  Inbox inbox(
      DeadLetters deadLetters,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      ObjectProvider<DeliveryGate> gate) {
    return new Inbox(
        jdbc,
        new TransactionTemplate(transactionManager),
        deadLetters,
        gate.getIfAvailable(() -> DeliveryGate.OPEN));
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  ConsumerAvailability consumerAvailability() {
    return new ConsumerAvailability();
  }

  /**
   * Readiness: down while a consumer cannot reach its infrastructure, or waits to be started again
   * after its container stopped on its own.
   */
  @Bean
  @ConditionalOnBean(DataSource.class)
  EventConsumersHealthIndicator eventConsumersHealthIndicator(ConsumerAvailability availability) {
    return new EventConsumersHealthIndicator(availability);
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  EventDelivery eventDelivery(
      Inbox inbox,
      DeadLetters deadLetters,
      EventBusProperties properties,
      ConsumerAvailability availability,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator) {
    var consumer = properties.consumer();
    return new EventDelivery(
        inbox,
        deadLetters,
        consumer.attempts(),
        consumer.initialBackoff(),
        consumer.maxBackoff(),
        availability,
        meters.getIfAvailable(SimpleMeterRegistry::new),
        MessageTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable()));
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  DurableOffsets durableOffsets(JdbcTemplate jdbc) {
    return new DurableOffsets(jdbc);
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  EventConsumers eventConsumers(
      ObjectProvider<EventConsumer> consumers,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventDelivery delivery,
      Environment environment,
      KafkaAdmin admin,
      ConsumerAvailability availability,
      DurableOffsets durableOffsets,
      EventBusProperties properties) {
    return new EventConsumers(
        consumers.orderedStream().toList(),
        factory,
        delivery,
        environment.getRequiredProperty("spring.application.name"),
        admin,
        availability,
        durableOffsets,
        properties.consumer().restartBackoff());
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  DeadLetterOperations deadLetterOperations(
      DeadLetters deadLetters,
      Inbox inbox,
      PlatformTransactionManager transactionManager,
      ObjectProvider<EventConsumer> consumers) {
    return new DeadLetterOperations(
        deadLetters,
        inbox,
        new TransactionTemplate(transactionManager),
        consumers.orderedStream().toList());
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  DeadLetterController deadLetterController(
      DeadLetters deadLetters, DeadLetterOperations operations) {
    return new DeadLetterController(deadLetters, operations);
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  DeadLetterMetrics deadLetterMetrics(
      DeadLetters deadLetters,
      ObjectProvider<EventConsumer> consumers,
      ObjectProvider<MeterRegistry> meters) {
    return new DeadLetterMetrics(
        deadLetters,
        consumers.orderedStream().toList(),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /**
   * A record whose delivery throws (the infrastructure failed: see {@link EventDelivery}) is
   * retried with exponential backoff, without limit: nothing is skipped and the order of a
   * dossier's events holds. The delivery logs each failure itself.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  CommonErrorHandler eventBusErrorHandler(EventBusProperties properties) {
    var backOff = new ExponentialBackOff();
    backOff.setInitialInterval(properties.consumer().initialBackoff().toMillis());
    backOff.setMaxInterval(properties.consumer().maxBackoff().toMillis());
    var handler = new DefaultErrorHandler(backOff);
    handler.setLogLevel(KafkaException.Level.DEBUG);
    return handler;
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties) {
    var admin = new HashMap<>(kafkaProperties.buildAdminProperties());
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
    return new KafkaHealthIndicator(admin);
  }
}
