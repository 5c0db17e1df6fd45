package fr.passerelle.eventbus.config;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The event store of a service that owns aggregates: Axon's embedded one, as Axon's own
 * configuration would build it, except that its streams hear of new events only once their database
 * transaction has committed ({@link CommitAwareEventStore}).
 */
// After Axon's JDBC configuration, whose storage engine is not made once an event bus exists.
@AutoConfiguration(
    afterName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
    beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore")
public class AxonEventStoreAutoConfiguration {

  @Bean(name = "eventBus")
  @ConditionalOnMissingBean(EventBus.class)
  EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
    return new CommitAwareEventStore(
        EmbeddedEventStore.builder()
            .storageEngine(storageEngine)
            .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
            .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
  }
}
