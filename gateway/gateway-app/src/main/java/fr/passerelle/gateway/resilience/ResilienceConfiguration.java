package fr.passerelle.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service route (named after the route, see application.yml). Its time
 * limit is the HTTP client's response timeout plus a margin, so that the client's timeout (30 s by
 * default) is the one that applies, not Resilience4j's 1 s default. It records only what the
 * service does (errors, timeouts): Spring Cloud's bulkhead, whose refusals it would count as
 * failures, is off (application.yml), and load beyond the service's capacity is queued or shed
 * before it by {@link ServiceCapacityFilter}. Each change of a circuit's state is logged once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OverloadProperties.class)
public class ResilienceConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ResilienceConfiguration.class);

  @Bean
  InitializingBean logCircuitTransitions(CircuitBreakerRegistry circuitBreakers) {
    return () ->
        circuitBreakers
            .getEventPublisher()
            .onEntryAdded(
                added ->
                    added
                        .getAddedEntry()
                        .getEventPublisher()
                        .onStateTransition(
                            event ->
                                LOG.warn(
                                    "Circuit of {}: {}",
                                    event.getCircuitBreakerName(),
                                    event.getStateTransition())));
  }

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(
      @Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout:30s}")
          Duration responseTimeout,
      @Value("${passerelle.gateway.circuit-breaker.failure-rate-threshold:50}")
          float failureRateThreshold,
      @Value("${passerelle.gateway.circuit-breaker.minimum-calls:20}") int minimumCalls,
      @Value("${passerelle.gateway.circuit-breaker.open-duration:30s}") Duration openDuration) {
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(
                        CircuitBreakerConfig.custom()
                            .failureRateThreshold(failureRateThreshold)
                            .minimumNumberOfCalls(minimumCalls)
                            .slidingWindowSize(Math.max(minimumCalls, 50))
                            .waitDurationInOpenState(openDuration)
                            .build())
                    .timeLimiterConfig(
                        TimeLimiterConfig.custom()
                            .timeoutDuration(responseTimeout.plusSeconds(5))
                            .build())
                    .build());
  }
}
