package fr.passerelle.benefits.config;

import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.beneficiary.query.BeneficiaryRightsProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rights rules from configuration, and how their read model is kept. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BenefitsProperties.class)
class RightsConfiguration {

  /** Injected into the {@code Beneficiary} aggregate's command handlers. */
  @Bean
  RightsPolicy rightsPolicy(BenefitsProperties properties) {
    return properties.rightsPolicy();
  }

  /**
   * A projection failure stops the processor, which keeps its token and retries, instead of being
   * logged and skipped: the read model never silently misses an event.
   */
  @Bean
  ConfigurerModule beneficiaryRightsProcessing() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                BeneficiaryRightsProjection.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
  }
}
