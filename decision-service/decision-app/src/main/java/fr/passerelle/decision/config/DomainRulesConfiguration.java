package fr.passerelle.decision.config;

import fr.passerelle.decision.pathway.command.AuthorisationTerm;
import fr.passerelle.decision.pathway.command.TermEnd;
import fr.passerelle.decision.pathway.query.PathwaysProjection;
import fr.passerelle.decision.pathway.query.PendingDossiersProjection;
import fr.passerelle.decision.reminder.query.PathwaysTodoProjection;
import fr.passerelle.decision.session.command.Commission;
import fr.passerelle.decision.session.command.CommissionRosters;
import fr.passerelle.decision.session.command.CommissionSession;
import fr.passerelle.decision.session.command.CommissionSessions;
import fr.passerelle.decision.session.command.QuorumRule;
import fr.passerelle.decision.session.query.CommissionMinutesProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java domain rules into Axon: Spring beans are the resources Axon injects into
 * command handlers (by type), built here from {@code passerelle.decision.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DecisionProperties.class)
class DomainRulesConfiguration {

  @Bean
  QuorumRule quorumRule(DecisionProperties properties) {
    return new QuorumRule(properties.quorumFraction());
  }

  @Bean
  AuthorisationTerm authorisationTerm(DecisionProperties properties) {
    return new AuthorisationTerm(properties.authorisationMonths(), properties.maximumMonths());
  }

  @Bean
  TermEnd termEnd(DecisionProperties properties) {
    return new TermEnd(properties.termEndGrace());
  }

  @Bean
  CommissionSessions commissionSessions(
      @Qualifier("commissionSessionRepository") Repository<CommissionSession> sessions) {
    return new RepositoryCommissionSessions(sessions);
  }

  @Bean
  CommissionRosters commissionRosters(
      @Qualifier("commissionRepository") Repository<Commission> commissions) {
    return new RepositoryCommissionRosters(commissions);
  }

  /**
   * A failing projection update is retried from the same event (the processor keeps its token and
   * backs off) instead of being logged and skipped, which would leave the read model wrong.
   */
  @Bean
  ConfigurerModule projectionsProcessing() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                PendingDossiersProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
            .registerListenerInvocationErrorHandler(
                PathwaysProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
            .registerListenerInvocationErrorHandler(
                CommissionMinutesProjection.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance())
            .registerListenerInvocationErrorHandler(
                PathwaysTodoProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }
}
