package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfecture's foreigners' service issues a residence permit (APS, CESEDA L425-4) allowing
 * work.
 *
 * @param ceasedProstitution what the préfecture found: whether the person has ceased prostitution
 */
public record IssuePermitCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    LocalDate decidedOn,
    LocalDate validFrom,
    LocalDate validUntil,
    boolean ceasedProstitution) {

  public IssuePermitCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
  }
}
