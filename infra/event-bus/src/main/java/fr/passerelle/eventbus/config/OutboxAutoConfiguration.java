package fr.passerelle.eventbus.config;

import fr.passerelle.eventbus.processing.AsynchronousCommits;
import fr.passerelle.eventbus.publish.BlockedEvents;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import fr.passerelle.eventbus.publish.OutboxController;
import fr.passerelle.eventbus.publish.OutboxOperations;
import fr.passerelle.eventbus.publish.OutboxPublisher;
import fr.passerelle.eventbus.publish.OutboxTokens;
import fr.passerelle.eventbus.publish.OutboxTopic;
import fr.passerelle.eventbus.tracing.MessageTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of a service that owns aggregates and publishes: active when the service names its
 * topic ({@code passerelle.event-bus.outbox.topic}). Every {@link IntegrationEventMapper} bean
 * contributes: the service's own, and the event bus's for the access log's entries.
 */
@AutoConfiguration(after = EventBusAutoConfiguration.class)
@ConditionalOnClass(name = "org.axonframework.eventhandling.EventHandler")
@ConditionalOnProperty("passerelle.event-bus.outbox.topic")
public class OutboxAutoConfiguration {

  @Bean
  @ConditionalOnBean(IntegrationEventMapper.class)
  BlockedEvents blockedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    return new BlockedEvents(jdbc, new TransactionTemplate(transactionManager));
  }

  @Bean
  @ConditionalOnBean(IntegrationEventMapper.class)
  OutboxPublisher outboxPublisher(
      ObjectProvider<IntegrationEventMapper> mappers,
      KafkaProperties kafkaProperties,
      EventBusProperties properties,
      BlockedEvents blockedEvents,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<MessageTracing> tracing) {
    List<IntegrationEventMapper> all = mappers.orderedStream().toList();
    IntegrationEventMapper mapper =
        event -> all.stream().map(m -> m.map(event)).flatMap(Optional::stream).findFirst();
    return new OutboxPublisher(
        mapper,
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer(kafkaProperties))),
        properties.outbox().topic(),
        properties.source(),
        properties.outbox().sendTimeout(),
        blockedEvents,
        meters.getIfAvailable(SimpleMeterRegistry::new),
        tracing.getIfAvailable(MessageTracing::none));
  }

  @Bean
  @ConditionalOnBean(IntegrationEventMapper.class)
  OutboxTokens outboxTokens(JdbcTemplate jdbc, TokenSchema tokenSchema, Serializer serializer) {
    return new OutboxTokens(jdbc, tokenSchema, serializer);
  }

  @Bean
  @ConditionalOnBean(IntegrationEventMapper.class)
  OutboxOperations outboxOperations(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      OutboxTokens tokens,
      BlockedEvents blockedEvents,
      ObjectProvider<MeterRegistry> meters) {
    return new OutboxOperations(
        processing,
        eventStore,
        tokens,
        blockedEvents,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  @ConditionalOnBean(IntegrationEventMapper.class)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  OutboxController outboxController(OutboxOperations operations) {
    return new OutboxController(operations);
  }

  /**
   * The service's topic: keyed by dossier id, history kept forever so read models can rebuild;
   * created if missing, never altered, and the service refuses to start if its partition count is
   * not the configured one.
   */
  @Bean
  OutboxTopic outboxTopic(EventBusProperties properties, KafkaAdmin kafkaAdmin) {
    var outbox = properties.outbox();
    return new OutboxTopic(
        kafkaAdmin.getConfigurationProperties(),
        outbox.topic(),
        outbox.partitions(),
        outbox.topicCheckTimeout());
  }

  /**
   * A handler failure (Kafka down, send timed out) propagates to the processor, which keeps its
   * token and retries with backoff instead of logging and moving on. Its transactions, which store
   * the token once Kafka has acknowledged the batch, commit without waiting for the disk (ADR 61):
   * a crash that loses one sends its events again, which the consumers recognise.
   */
  @Bean
  ConfigurerModule outboxProcessing(
      EventBusProperties properties, TransactionManager transactions, JdbcTemplate jdbc) {
    int batchSize = properties.outbox().batchSize();
    return configurer ->
        configurer
            .eventProcessing()
            .registerTrackingEventProcessor(
                OutboxPublisher.PROCESSING_GROUP,
                Configuration::eventStore,
                c ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
            .registerTransactionManager(
                OutboxPublisher.PROCESSING_GROUP, c -> new AsynchronousCommits(transactions, jdbc))
            .registerListenerInvocationErrorHandler(
                OutboxPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }

  private static Map<String, Object> producer(KafkaProperties kafkaProperties) {
    Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }
}
