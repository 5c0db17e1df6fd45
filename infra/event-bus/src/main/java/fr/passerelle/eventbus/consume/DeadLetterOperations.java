package fr.passerelle.eventbus.consume;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator does with dead letters: retry a failed one (after a fix) or discard it. Either
 * way, the dossier's parked events are then applied in their order, until one fails again (it
 * becomes the dossier's failed letter) or none is left.
 */
public class DeadLetterOperations {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

  private final DeadLetters deadLetters;
  private final Inbox inbox;
  private final TransactionTemplate transaction;
  private final Map<String, EventConsumer> consumers;

  public DeadLetterOperations(
      DeadLetters deadLetters,
      Inbox inbox,
      TransactionTemplate transaction,
      Iterable<EventConsumer> consumers) {
    this.deadLetters = deadLetters;
    this.inbox = inbox;
    this.transaction = transaction;
    this.consumers =
        StreamSupport.stream(consumers.spliterator(), false)
            .collect(Collectors.toMap(EventConsumer::name, Function.identity()));
  }

  /** The result of an operation: whether it worked, and what is left for the dossier. */
  public record Result(boolean applied, int released, Optional<DeadLetter> stillBlocking) {}

  /**
   * Applies the failed letter {@code id} again; on success, releases its dossier's parked events.
   *
   * @throws java.util.NoSuchElementException if there is no such letter
   */
  public Result retry(long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow();
    if (!applyAndRemove(letter)) {
      return new Result(false, 0, deadLetters.find(id));
    }
    return release(letter.consumer(), letter.subject());
  }

  /** Drops the letter {@code id} without applying it, then releases its dossier's parked events. */
  public Result discard(long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow();
    transaction.executeWithoutResult(
        status -> {
          inbox.lock(letter.consumer(), letter.subject());
          deadLetters.delete(letter.id());
        });
    log.warn(
        "Dead letter {} ({} of dossier {}) discarded for {}",
        letter.id(),
        letter.eventType(),
        letter.subject(),
        letter.consumer());
    return release(letter.consumer(), letter.subject());
  }

  private Result release(String consumer, String subject) {
    int released = 0;
    while (true) {
      Optional<DeadLetter> next = deadLetters.oldest(consumer, subject);
      if (next.isEmpty()) {
        return new Result(true, released, Optional.empty());
      }
      if (!applyAndRemove(next.get())) {
        return new Result(true, released, deadLetters.find(next.get().id()));
      }
      released++;
    }
  }

  /** Applies one letter once, under its dossier's lock; false when it failed (and stays). */
  private boolean applyAndRemove(DeadLetter letter) {
    EventConsumer consumer = consumers.get(letter.consumer());
    try {
      transaction.executeWithoutResult(
          status -> {
            inbox.lock(letter.consumer(), letter.subject());
            ReceivedEvent event = deadLetters.event(letter.id());
            if (consumer == null || !consumer.handles(event)) {
              throw new IllegalStateException(
                  "No handler of " + event.type() + " in consumer " + letter.consumer());
            }
            inbox.applyOnce(letter.consumer(), event, consumer::apply);
            deadLetters.delete(letter.id());
          });
      return true;
    } catch (RuntimeException e) {
      deadLetters.failAgain(letter.id(), EventDelivery.describe(e));
      log.warn("Dead letter {} failed again: {}", letter.id(), e.toString());
      return false;
    }
  }
}
