package fr.passerelle.benefits.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the rules call today: a bean, so that tests set the day. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of("Europe/Paris"));
  }
}
