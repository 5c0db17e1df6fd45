package fr.passerelle.dossier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Gives every integration test of the module the same movable clock (found by scanning). */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

  @Bean
  @Primary
  MovableClock movableClock() {
    return new MovableClock();
  }
}
