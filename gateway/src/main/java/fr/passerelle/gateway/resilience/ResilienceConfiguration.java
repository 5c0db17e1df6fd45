package fr.passerelle.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service route (named after the route, see application.yml). Its time
 * limit is the HTTP client's response timeout plus a margin, so that the client's timeout (30 s by
 * default) is the one that applies, not Resilience4j's 1 s default.
 */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

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
