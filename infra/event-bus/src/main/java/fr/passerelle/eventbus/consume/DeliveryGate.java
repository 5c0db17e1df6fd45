package fr.passerelle.eventbus.consume;

/**
 * Opens each database transaction that applies events (a consumer's delivery, an operator's retry
 * or discard), before anything in it is read or written. A service whose events go to a place that
 * can move under it (reporting-service's read-model generations) takes its share of a lock there
 * and points the transaction at the right place; it may refuse for now by throwing {@link
 * DeliveryPostponedException}, and the delivery is tried again shortly, without counting as a
 * failure. Services without such a place need none: the default gate lets everything through.
 */
@FunctionalInterface
public interface DeliveryGate {

  DeliveryGate OPEN = () -> {};

  /**
   * Called first in each transaction that applies events.
   *
   * @throws DeliveryPostponedException when no event may be applied now
   */
  void open();
}
