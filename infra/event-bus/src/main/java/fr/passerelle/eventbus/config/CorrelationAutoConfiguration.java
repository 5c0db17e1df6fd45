package fr.passerelle.eventbus.config;

import fr.passerelle.edge.Correlation;
import fr.passerelle.edge.route.Caller;
import fr.passerelle.eventbus.tracing.MessageTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Carries the request id and the trace context of the current request (or consumed event) into the
 * commands it sends, and from them into the events they cause: the outbox then puts them in the
 * Kafka headers, the consumers back into their logs and spans, and every event processor into the
 * logs and spans of its handlers (ADR 43). The handling of a command is a span, child of the
 * request's; so is each event a processor handles, child of the command's. Who acted (the caller's
 * token subject and the roles the route let them act under) goes the same way into the events and
 * their headers, for the auditors' history of a dossier; it stays out of the logs and the traces.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.commandhandling.CommandMessage")
public class CorrelationAutoConfiguration {

  /** The spans of messages; none when the service runs without a tracer (some tests). */
  @Bean
  @ConditionalOnMissingBean
  MessageTracing messageTracing(
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return MessageTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable());
  }

  @Bean
  MessageDispatchInterceptor<CommandMessage<?>> correlationOfCommands(MessageTracing tracing) {
    return messages ->
        (index, command) -> {
          Map<String, String> metaData = correlation();
          metaData.putAll(tracing.currentContext());
          return command.andMetaData(metaData);
        };
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

  /**
   * An event published outside a command (through the event gateway, as the access log's entries of
   * a request are) carries the context of the current span, like a command's events.
   */
  @Bean
  MessageDispatchInterceptor<EventMessage<?>> traceOfPublishedEvents(MessageTracing tracing) {
    return messages ->
        (index, event) ->
            event.getMetaData().containsKey(Correlation.TRACEPARENT)
                ? event
                : event.andMetaData(tracing.currentContext());
  }

  /** The handling of each command is a span, child of the span that sent it. */
  @Bean
  MessageHandlerInterceptor<CommandMessage<?>> tracingOfCommands(MessageTracing tracing) {
    return (unitOfWork, chain) -> {
      CommandMessage<?> command = unitOfWork.getMessage();
      Span span =
          tracing.startChildOf(
              header(command),
              "command " + command.getCommandName().replaceAll(".*[.$]", ""),
              null);
      return tracing.within(span, chain::proceed);
    };
  }

  @Bean
  CorrelationDataProvider correlationOfEvents() {
    return new SimpleCorrelationDataProvider(
        Correlation.REQUEST_ID, Correlation.ACTOR_SUBJECT, Correlation.ACTOR_ROLES);
  }

  /**
   * The events a command (or an event handler) causes carry the context of the span that handles
   * it, so that their processors' spans are its children; without a current span, the context the
   * message itself carried.
   */
  @Bean
  CorrelationDataProvider traceOfEvents(MessageTracing tracing) {
    return message -> {
      Map<String, String> context = tracing.currentContext();
      if (!context.isEmpty()) {
        return context;
      }
      Map<String, Object> carried = new HashMap<>();
      for (String field : tracing.fields()) {
        Object value = message.getMetaData().get(field);
        if (value != null) {
          carried.put(field, value);
        }
      }
      return carried;
    };
  }

  @Bean
  ConfigurerModule correlationOfEventHandlers(MessageTracing tracing) {
    return configurer ->
        configurer
            .eventProcessing()
            .registerDefaultHandlerInterceptor(
                (configuration, processor) -> new EventCorrelation(processor, tracing));
  }

  /** A message's metadata as headers, read by name. */
  static java.util.function.Function<String, String> header(Message<?> message) {
    return name -> {
      Object value = message.getMetaData().get(name);
      return value == null ? null : value.toString();
    };
  }

  /**
   * Puts an event's request id into the logging context of its handler, and handles it in a span
   * child of the one that caused it, then restores both. Events without a trace (recorded before
   * tracing, or caused by nothing traced) and events replayed to rebuild a read model get no span:
   * a rebuild would otherwise add a span to every past request's trace.
   */
  static final class EventCorrelation implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final MessageTracing tracing;

    EventCorrelation(String processor, MessageTracing tracing) {
      this.processor = processor;
      this.tracing = tracing;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      EventMessage<?> event = unitOfWork.getMessage();
      Object requestId = event.getMetaData().get(Correlation.REQUEST_ID);
      boolean traced =
          event.getMetaData().containsKey(Correlation.TRACEPARENT) && !ReplayToken.isReplay(event);
      if (requestId == null && !traced) {
        return chain.proceed();
      }
      Map<String, String> previous = MDC.getCopyOfContextMap();
      if (requestId != null) {
        Correlation.enter(requestId.toString());
      }
      try {
        if (!traced) {
          return chain.proceed();
        }
        Span span =
            tracing.startChildOf(
                header(event),
                processor + " " + event.getPayloadType().getSimpleName(),
                Span.Kind.CONSUMER);
        if (event instanceof TrackedEventMessage<?>) {
          span.tag("messaging.message.id", event.getIdentifier());
        }
        return tracing.within(span, chain::proceed);
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
