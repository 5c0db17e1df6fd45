package fr.passerelle.decision;

import fr.passerelle.testsupport.TestClock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Gives every integration test of the service the same clock, found by scanning so that they share
 * one application: the time the tests started until a test moves it (the to-do lists), and back
 * after.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

  @Bean
  @Primary
  TestClock testClock() {
    return TestClock.at(Instant.now());
  }
}
