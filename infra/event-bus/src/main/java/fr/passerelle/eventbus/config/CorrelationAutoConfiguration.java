package fr.passerelle.eventbus.config;

import fr.passerelle.web.Correlation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Carries the request id and trace context of the current request (or consumed event) into the
 * commands it sends, and from them into the events they cause: the outbox then puts them in the
 * Kafka headers, and the consumers back into their logs.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.commandhandling.CommandMessage")
public class CorrelationAutoConfiguration {

  @Bean
  MessageDispatchInterceptor<CommandMessage<?>> correlationOfCommands() {
    return messages -> (index, command) -> command.andMetaData(Correlation.current());
  }

  @Bean
  CorrelationDataProvider correlationOfEvents() {
    return new SimpleCorrelationDataProvider(Correlation.REQUEST_ID, Correlation.TRACEPARENT);
  }
}
