package fr.passerelle.edge.refusal;

import java.util.List;

/**
 * A request the platform refuses before anything changed: bad input, something that does not exist
 * where the caller looks for it, or a rule of the procedure that forbids it now. Domain rules throw
 * its kinds ({@link InvalidRequestException}, {@link NotFoundException}, {@link
 * ConflictException}); the edge turns each into a problem with the matching status, so a service
 * never maps them itself. Plain Java: aggregates may throw them. No stack trace is captured: a
 * refusal is an answer, not a failure, and is never logged as one.
 */
public abstract class RefusedException extends RuntimeException {

  protected RefusedException(String detail) {
    super(detail, null, false, false);
  }

  /** The HTTP status of the problem it becomes. */
  public abstract int status();

  /** The fields at fault, when the refusal is about input. */
  public List<FieldError> errors() {
    return List.of();
  }
}
