package fr.passerelle.dossier.config;

import fr.passerelle.dossier.retention.RetentionPolicy;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The retention periods, from {@code passerelle.retention.*} (application.yml holds the defaults
 * and their sources).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionConfiguration.RetentionProperties.class)
class RetentionConfiguration {

  @Bean
  RetentionPolicy retentionPolicy(RetentionProperties properties) {
    return new RetentionPolicy(
        properties.draft(), properties.afterLastContact(), properties.warning());
  }

  /**
   * @param draft how long a draft never submitted is kept after its last change
   * @param afterLastContact how long the data of a closed pathway is kept after the last contact
   * @param warning how long before the erasure the association is told
   */
  @Validated
  @ConfigurationProperties("passerelle.retention")
  record RetentionProperties(Period draft, Period afterLastContact, Period warning) {}
}
