package fr.passerelle.decision.config;

import fr.passerelle.decision.session.command.CommissionSession;
import fr.passerelle.decision.session.command.CommissionSessions;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The sessions as the pathway's and the sessions' command handlers see them: read from the session
 * aggregates in the command's own unit of work, so a session is known as soon as it is recorded.
 */
class RepositoryCommissionSessions implements CommissionSessions {

  private final Repository<CommissionSession> sessions;

  RepositoryCommissionSessions(Repository<CommissionSession> sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<Sitting> find(String sessionId) {
    try {
      return sessions
          .load(sessionId)
          .invoke(
              session ->
                  session.sessionId() == null ? Optional.empty() : Optional.of(session.sitting()));
    } catch (AggregateNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Applies the record on the first convocation's aggregate, loaded in the same unit of work: both
   * sessions' events are stored together, and of two second convocations racing for one first, the
   * later finds its sequence number taken and is refused.
   */
  @Override
  public void reconvene(String firstConvocationId, Sitting secondConvocation) {
    sessions.load(firstConvocationId).execute(first -> first.reconvene(secondConvocation));
  }
}
