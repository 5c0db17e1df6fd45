package fr.passerelle.eventbus.audit;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;

/** Every access log entry goes on the service's topic as it is: it is its own published form. */
public class AccessEventMapper implements IntegrationEventMapper {

  @Override
  public Optional<IntegrationEvent> map(Object internalEvent) {
    if (internalEvent instanceof AccessRecorded entry) {
      return Optional.of(new IntegrationEvent(AccessRecorded.TYPE, entry.subjectKey(), entry));
    }
    return Optional.empty();
  }
}
