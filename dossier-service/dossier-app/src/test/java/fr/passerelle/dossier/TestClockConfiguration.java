package fr.passerelle.dossier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Gives every integration test of the module the same movable clock (found by scanning): one for
 * the whole test JVM, so that the instances a test starts beside the shared context (a restart, a
 * second instance) live on the same day as it.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

  @Bean
  @Primary
  MovableClock movableClock() {
    return MovableClock.SHARED;
  }
}
