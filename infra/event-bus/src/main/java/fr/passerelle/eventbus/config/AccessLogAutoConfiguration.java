package fr.passerelle.eventbus.config;

import fr.passerelle.edge.audit.AccessLog;
import fr.passerelle.eventbus.audit.AccessEventMapper;
import fr.passerelle.eventbus.audit.EventStoreAccessLog;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The access log of a service that owns an event store and publishes: its entries are events of the
 * store, published on its topic.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.eventhandling.gateway.EventGateway")
@ConditionalOnProperty("passerelle.event-bus.outbox.topic")
public class AccessLogAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(AccessLog.class)
  AccessLog eventStoreAccessLog(EventGateway events) {
    return new EventStoreAccessLog(events);
  }

  @Bean
  AccessEventMapper accessEventMapper() {
    return new AccessEventMapper();
  }
}
