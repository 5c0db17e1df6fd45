package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates of the world, as users enter them: never after today in the département they belong to,
 * never before what they follow. Each refusal names its field.
 */
final class DomainDates {

  private static final DateTimeFormatter FRENCH =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

  private DomainDates() {}

  /** {@code date} is not after today in département {@code departmentCode}, by {@code clock}. */
  static void notInFuture(String field, LocalDate date, String departmentCode, Clock clock) {
    LocalDate today = DepartmentCode.today(departmentCode, clock);
    if (date.isAfter(today)) {
      throw InvalidRequestException.of(
          field, "date future : au plus aujourd'hui, le " + FRENCH.format(today));
    }
  }

  /**
   * {@code date} is not before {@code earliest}; otherwise the field is refused with {@code
   * refusal}, followed by the earliest date.
   */
  static void notBefore(String field, LocalDate date, LocalDate earliest, String refusal) {
    if (date.isBefore(earliest)) {
      throw InvalidRequestException.of(field, refusal + " (" + FRENCH.format(earliest) + ")");
    }
  }

  static String french(LocalDate date) {
    return FRENCH.format(date);
  }
}
