package fr.passerelle.dossier;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.testsupport.TestEvents;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The topics the service reads exist before it subscribes, as their publishing services make them
 * on the platform: a consumer would otherwise see a topic created later only minutes after.
 */
public class ConsumedTopics
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }
}
