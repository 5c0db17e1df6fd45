package fr.passerelle.eventbus.consume;

/**
 * No event may be applied for a moment (reporting-service is switching its read models over): the
 * delivery waits a little and tries again, without counting an attempt, marking the consumer
 * unavailable or dead-lettering anything.
 */
public class DeliveryPostponedException extends RuntimeException {

  public DeliveryPostponedException(String reason) {
    super(reason);
  }
}
