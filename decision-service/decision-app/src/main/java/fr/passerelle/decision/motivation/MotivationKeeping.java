package fr.passerelle.decision.motivation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the motivation of a préfet's decision once its command succeeded, in the command's own
 * transaction, with its events: a refused decision keeps none, and the text never enters the event
 * store (commands are not stored). Concurrent decisions on one pathway are still serialised by the
 * aggregate's lock, the whole transaction being the command's.
 */
@Component
class MotivationKeeping implements MessageHandlerInterceptor<CommandMessage<?>> {

  private final Motivations motivations;

  MotivationKeeping(Motivations motivations) {
    this.motivations = motivations;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    Object result = chain.proceed();
    if (unitOfWork.getMessage().getPayload() instanceof MotivatedDecision decision) {
      unitOfWork.onPrepareCommit(
          u ->
              motivations.keep(
                  decision.decisionId(),
                  decision.dossierId(),
                  decision.departmentCode(),
                  decision.decision(),
                  decision.motivation()));
    }
    return result;
  }
}
