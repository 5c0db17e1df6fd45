package fr.passerelle.eventbus.config;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, telling its streams (the outbox among them) that events are there
 * only once they are committed to the database. Axon tells them when its unit of work commits; a
 * command sent within a wider database transaction (a use case that also writes the vault, a
 * consumer's inbox transaction) joins that transaction, so Axon's commit comes before the real one:
 * the streams looked, found nothing yet, and waited for the store's next poll, a second later. The
 * news is now held until the wider transaction ends.
 */
class CommitAwareEventStore extends EmbeddedEventStore {

  CommitAwareEventStore(Builder builder) {
    super(builder);
  }

  @Override
  protected void afterCommit(List<? extends EventMessage<?>> events) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      super.afterCommit(events);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            CommitAwareEventStore.super.afterCommit(events);
          }
        });
  }
}
