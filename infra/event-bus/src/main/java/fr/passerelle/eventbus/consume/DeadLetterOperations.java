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
   * Applies the letter {@code id} again; on success, releases its dossier's parked events. Only the
   * dossier's oldest letter may be retried: applying a later one first would apply the dossier's
   * events out of order.
   *
   * @throws java.util.NoSuchElementException if there is no such letter
   * @throws OutOfOrderException if an older letter of the same dossier is waiting
   */
  public Result retry(long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow();
    if (!applyAndRemove(letter, true)) {
      return new Result(false, 0, deadLetters.find(id));
    }
    return release(letter.consumer(), letter.subject());
  }

  /**
   * Drops the letter {@code id} without applying it. If it was its dossier's oldest letter, the
   * dossier's parked events are then released in order; otherwise they stay behind the older one.
   */
  public Result discard(long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow();
    boolean wasOldest =
        Boolean.TRUE.equals(
            transaction.execute(
                status -> {
                  inbox.lock(letter.consumer(), letter.subject());
                  boolean oldest = isOldest(letter);
                  deadLetters.delete(letter.id());
                  return oldest;
                }));
    log.warn(
        "Dead letter {} ({} of dossier {}) discarded for {}",
        letter.id(),
        letter.eventType(),
        letter.subject(),
        letter.consumer());
    if (!wasOldest) {
      return new Result(true, 0, deadLetters.oldest(letter.consumer(), letter.subject()));
    }
    return release(letter.consumer(), letter.subject());
  }

  /** A retry of a letter that has an older letter of the same dossier before it. */
  public static class OutOfOrderException extends RuntimeException {
    private final transient DeadLetter oldest;

    OutOfOrderException(DeadLetter letter, DeadLetter oldest) {
      super(
          "Letter %d of dossier %s waits behind letter %d"
              .formatted(letter.id(), letter.subject(), oldest.id()));
      this.oldest = oldest;
    }

    /** The letter to retry or discard first. */
    public DeadLetter oldest() {
      return oldest;
    }
  }

  private Result release(String consumer, String subject) {
    int released = 0;
    while (true) {
      Optional<DeadLetter> next = deadLetters.oldest(consumer, subject);
      if (next.isEmpty()) {
        return new Result(true, released, Optional.empty());
      }
      if (!applyAndRemove(next.get(), false)) {
        return new Result(true, released, deadLetters.find(next.get().id()));
      }
      released++;
    }
  }

  private boolean isOldest(DeadLetter letter) {
    return deadLetters
        .oldest(letter.consumer(), letter.subject())
        .map(oldest -> oldest.id() == letter.id())
        .orElse(false);
  }

  /**
   * Applies one letter once, under its dossier's lock; false when it failed (and stays). With
   * {@code oldestOnly}, refuses a letter that has an older one of its dossier before it.
   */
  private boolean applyAndRemove(DeadLetter letter, boolean oldestOnly) {
    EventConsumer consumer = consumers.get(letter.consumer());
    try {
      transaction.executeWithoutResult(
          status -> {
            inbox.lock(letter.consumer(), letter.subject());
            if (oldestOnly) {
              DeadLetter oldest =
                  deadLetters.oldest(letter.consumer(), letter.subject()).orElseThrow();
              if (oldest.id() != letter.id()) {
                throw new OutOfOrderException(letter, oldest);
              }
            }
            ReceivedEvent event = deadLetters.event(letter.id());
            if (consumer == null || !consumer.handles(event.type())) {
              throw new IllegalStateException(
                  "No handler of " + event.type() + " in consumer " + letter.consumer());
            }
            inbox.applyOnce(letter.consumer(), event, consumer::apply);
            deadLetters.delete(letter.id());
          });
      return true;
    } catch (OutOfOrderException | DeliveryPostponedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (Failures.isInfrastructure(e)) {
        throw new InfrastructureUnavailableException(letter.consumer(), e);
      }
      deadLetters.failAgain(letter.id(), EventDelivery.describe(e));
      log.warn("Dead letter {} failed again: {}", letter.id(), e.toString());
      return false;
    }
  }
}
