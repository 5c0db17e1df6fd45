package fr.passerelle.benefits.beneficiary.consuming;

import fr.passerelle.benefits.beneficiary.api.EndPathwayCommand;
import fr.passerelle.benefits.beneficiary.api.RegisterBeneficiaryCommand;
import fr.passerelle.benefits.beneficiary.api.RenewPathwayCommand;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.eventbus.consume.EventConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Follows the pathway's life on {@code decision.events}: an authorised pathway makes its person a
 * beneficiary whose rights may then be decided; a renewal extends the AFIS (and allows the permit's
 * renewal); an end, at term or early, ends the permit and the AFIS with it. Each command runs in
 * the inbox's transaction: the beneficiary's events and the inbox record commit together.
 */
@Configuration(proxyBeanMethods = false)
class PathwayConsumer {

  /** Its consumer group and inbox key, kept from when it only opened rights. */
  static final String NAME = "rights-opening";

  @Bean
  EventConsumer pathways(CommandGateway commands) {
    return EventConsumer.named(NAME)
        .topics(DecisionEvents.TOPIC)
        .on(
            PathwayValidated.TYPE,
            PathwayValidated.class,
            validated -> commands.sendAndWait(register(validated)))
        .on(
            PathwayRenewed.TYPE,
            PathwayRenewed.class,
            renewed ->
                commands.sendAndWait(
                    new RenewPathwayCommand(
                        renewed.dossierId(),
                        renewed.departmentCode(),
                        renewed.decidedOn(),
                        renewed.endDate())))
        .on(
            PathwayEnded.TYPE,
            PathwayEnded.class,
            ended ->
                commands.sendAndWait(
                    new EndPathwayCommand(
                        ended.dossierId(),
                        ended.departmentCode(),
                        ended.lastDay(),
                        ended.decidedOn())))
        .build();
  }

  static RegisterBeneficiaryCommand register(PathwayValidated validated) {
    return new RegisterBeneficiaryCommand(
        validated.dossierId(),
        validated.departmentCode(),
        validated.nationality(),
        validated.ageBand(),
        validated.children(),
        validated.traffickingVictim(),
        validated.procuringVictim(),
        validated.decidedOn(),
        validated.startDate(),
        validated.endDate(),
        validated.associationId());
  }
}
