package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfet authorises a pathway, after the commission's opinion, from {@code startDate}.
 *
 * @param motivation free text, kept in decision-service only (it may name the person)
 */
public record AuthorisePathwayCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate startDate,
    String motivation) {

  public AuthorisePathwayCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(startDate, "startDate");
    if (startDate.isBefore(decidedOn)) {
      throw new IllegalArgumentException("a pathway cannot start before it is authorised");
    }
  }
}
