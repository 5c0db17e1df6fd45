package fr.passerelle.eventbus.config;

import fr.passerelle.edge.Correlation;
import fr.passerelle.edge.route.Caller;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Carries the request id and trace context of the current request (or consumed event) into the
 * commands it sends, and from them into the events they cause: the outbox then puts them in the
 * Kafka headers, the consumers back into their logs, and every event processor into the logs of its
 * handlers. Who acted (the caller's token subject and the roles the route let them act under) goes
 * the same way into the events and their headers, for the auditors' history of a dossier; it stays
 * out of the logs.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.commandhandling.CommandMessage")
public class CorrelationAutoConfiguration {

  @Bean
  MessageDispatchInterceptor<CommandMessage<?>> correlationOfCommands() {
    return messages -> (index, command) -> command.andMetaData(correlation());
  }

  /** The current request's (or event's) correlation and, in a request, who makes it. */
  static Map<String, String> correlation() {
    Map<String, String> metaData = new HashMap<>(Correlation.current());
    Caller.current()
        .ifPresent(
            caller -> {
              if (caller.user().username() != null) {
                metaData.put(Correlation.ACTOR_SUBJECT, caller.user().username());
              }
              metaData.put(Correlation.ACTOR_ROLES, String.join(",", caller.actingRoles()));
            });
    return metaData;
  }

  @Bean
  CorrelationDataProvider correlationOfEvents() {
    return new SimpleCorrelationDataProvider(
        Correlation.REQUEST_ID,
        Correlation.TRACEPARENT,
        Correlation.ACTOR_SUBJECT,
        Correlation.ACTOR_ROLES);
  }

  @Bean
  ConfigurerModule correlationOfEventHandlers() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerDefaultHandlerInterceptor(
                (configuration, processor) -> new EventCorrelation());
  }

  /** Puts an event's correlation into the logging context of its handler, then restores it. */
  static final class EventCorrelation implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      var metaData = unitOfWork.getMessage().getMetaData();
      Object requestId = metaData.get(Correlation.REQUEST_ID);
      Object traceparent = metaData.get(Correlation.TRACEPARENT);
      if (requestId == null || traceparent == null) {
        return chain.proceed();
      }
      Map<String, String> previous = MDC.getCopyOfContextMap();
      Correlation.enter(requestId.toString(), traceparent.toString());
      try {
        return chain.proceed();
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    }
  }
}
