package fr.passerelle.benefits.config;

import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.beneficiary.query.BeneficiaryRightsProjection;
import fr.passerelle.benefits.payment.execution.PaymentRunExecutor;
import fr.passerelle.benefits.payment.query.PaymentRuns;
import fr.passerelle.benefits.reminder.query.RightsTodoProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rights rules from configuration, and how their read models and payments are kept. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BenefitsProperties.class)
class RightsConfiguration {

  /** Injected into the aggregates' command handlers and the payment preview. */
  @Bean
  RightsPolicy rightsPolicy(BenefitsProperties properties) {
    return properties.rightsPolicy();
  }

  /**
   * A failure stops the processor, which keeps its token and retries, instead of being logged and
   * skipped: the read models never silently miss an event, and a payment line is never passed over
   * (it is paid, or retried).
   */
  @Bean
  ConfigurerModule failuresAreRetriedNeverSkipped() {
    return configurer -> {
      for (String group :
          new String[] {
            BeneficiaryRightsProjection.PROCESSING_GROUP,
            PaymentRuns.PROCESSING_GROUP,
            PaymentRunExecutor.PROCESSING_GROUP,
            RightsTodoProjection.PROCESSING_GROUP
          }) {
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
      }
    };
  }
}
