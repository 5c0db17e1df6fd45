package fr.passerelle.eventbus.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * How far behind its event store each streaming processor is (the outbox, the read models): the
 * gauge {@code passerelle.processor.latency}, in milliseconds from the last event it took to the
 * moment it took it, tagged with the processor's name (ADR 59).
 *
 * <p>This replaces Axon's own metrics (axon-micrometer's auto-configuration, turned off in
 * passerelle-service-defaults.yml). Those timed, counted and kept a sliding window of every command
 * and every event in every component, subscribing processors included, each of which reports every
 * event it ignores: a tenth of dossier-service's processor time under the write mix. The request's
 * own time is in {@code http.server.requests}, the event bus's in its metrics.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.micrometer.EventProcessorLatencyMonitor")
public class ProcessorLagAutoConfiguration {

  private static final String METER = "passerelle.processor";

  @Bean
  ConfigurerModule processorLag(ObjectProvider<MeterRegistry> meters) {
    return configurer ->
        meters.ifAvailable(
            registry ->
                configurer.configureMessageMonitor(
                    StreamingEventProcessor.class,
                    (configuration, componentType, processor) -> lagOf(processor, registry)));
  }

  /**
   * The processor's lag gauge. Axon asks a component's monitor for messages of any kind; a
   * processor's are its events, the only ones this monitor reads.
   */
  @SuppressWarnings("unchecked")
  private static MessageMonitor<Message<?>> lagOf(String processor, MeterRegistry registry) {
    MessageMonitor<?> monitor =
        EventProcessorLatencyMonitor.builder()
            .meterNamePrefix(METER)
            .meterRegistry(registry)
            .tagsBuilder(message -> Tags.of("processor", processor))
            .build();
    return (MessageMonitor<Message<?>>) monitor;
  }
}
