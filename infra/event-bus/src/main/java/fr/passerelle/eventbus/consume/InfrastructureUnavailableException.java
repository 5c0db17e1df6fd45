package fr.passerelle.eventbus.consume;

/**
 * An event could not be applied because the infrastructure failed (see {@link Failures}): the
 * listener container retries the same record with backoff, without limit, and nothing is
 * dead-lettered.
 */
public class InfrastructureUnavailableException extends RuntimeException {

  InfrastructureUnavailableException(String consumer, Throwable cause) {
    super(consumer + " cannot reach its infrastructure: " + cause, cause);
  }
}
