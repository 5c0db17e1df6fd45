package fr.passerelle.eventbus.audit;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.edge.audit.AccessEntry;
import fr.passerelle.edge.audit.AccessLog;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;

/**
 * The access log of a service that keeps an event store: each entry is an event appended to the
 * store, in the transaction of the read or write it records (a read without its entry cannot
 * commit), then published by the outbox like any other event for reporting-service to gather. The
 * store is append-only for the service's database role, so an entry cannot be changed or removed.
 */
public class EventStoreAccessLog implements AccessLog {

  private final EventGateway events;

  public EventStoreAccessLog(EventGateway events) {
    this.events = events;
  }

  @Override
  public void record(AccessEntry entry) {
    events.publish(
        new AccessRecorded(
            UUID.randomUUID().toString(),
            entry.recordedAt(),
            entry.subject(),
            entry.roles(),
            entry.associationId(),
            entry.departmentCode(),
            entry.dossierId(),
            entry.operation(),
            entry.method(),
            entry.path(),
            AccessRecorded.Outcome.valueOf(entry.outcome().name()),
            entry.refusal(),
            entry.requestId()));
  }
}
