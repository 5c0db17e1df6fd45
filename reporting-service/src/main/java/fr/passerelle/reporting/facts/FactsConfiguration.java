package fr.passerelle.reporting.facts;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform's knowledge time, for the reviews "as known at" an instant. */
@Configuration(proxyBeanMethods = false)
class FactsConfiguration {

  @Bean
  KnowledgeTime knowledgeTime(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    return KnowledgeTime.ofLedger(jdbc, clock.getIfAvailable(Clock::systemUTC));
  }
}
