package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The date checks of a command, gathered so that a refusal names every field at fault: a domain
 * date is never in the future, nor before what it depends on.
 */
final class FieldChecks {

  private static final String FUTURE = "ne peut pas être dans le futur";

  private final LocalDate today;
  private final List<FieldError> errors = new ArrayList<>();

  FieldChecks(LocalDate today) {
    this.today = today;
  }

  /** {@code date} is today or before. */
  FieldChecks notFuture(String field, LocalDate date) {
    if (date.isAfter(today)) {
      fail(field, FUTURE);
    }
    return this;
  }

  /** {@code date} is not before {@code earliest}; {@code what} says what that earliest day is. */
  FieldChecks notBefore(String field, LocalDate date, LocalDate earliest, String what) {
    if (earliest != null && date.isBefore(earliest)) {
      fail(field, "ne peut pas précéder " + what + " (" + earliest + ")");
    }
    return this;
  }

  /** {@code field} is at fault; a field is named once, with the first fault found. */
  FieldChecks fail(String field, String message) {
    if (errors.stream().noneMatch(error -> error.field().equals(field))) {
      errors.add(FieldError.of(field, message));
    }
    return this;
  }

  /**
   * @throws InvalidRequestException naming every field at fault, when any is
   */
  void verify() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
