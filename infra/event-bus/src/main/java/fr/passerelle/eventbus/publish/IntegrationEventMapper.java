package fr.passerelle.eventbus.publish;

import fr.passerelle.eventbus.IntegrationEvent;
import java.util.Optional;

/**
 * The explicit mapping from a service's internal events to its published integration events.
 * Internal events it does not map stay private to the service.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

  Optional<IntegrationEvent> map(Object internalEvent);
}
