package fr.passerelle.benefits;

import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * benefits-service on a random port against the shared real PostgreSQL and Kafka, with a clock the
 * tests move ({@link TestClock}, at the real time until a test moves it). Every integration test of
 * the service declares the same, so they share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@Import(BenefitsIntegrationTest.Clocks.class)
public @interface BenefitsIntegrationTest {

  /** The domain's today and the persistent scheduler's now. */
  @TestConfiguration(proxyBeanMethods = false)
  class Clocks {

    @Bean
    Clock testClock() {
      return TestClock.at(Instant.now());
    }
  }
}
