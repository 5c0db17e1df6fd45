package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approved association records that a beneficiary started a job.
 *
 * @param endDate the end a fixed-term contract sets, or {@code null}
 */
public record RecordEmploymentCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String employmentId,
    ContractType contractType,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal weeklyHours) {

  public RecordEmploymentCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(employmentId, "employmentId");
    Objects.requireNonNull(contractType, "contractType");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(weeklyHours, "weeklyHours");
    if (weeklyHours.signum() <= 0) {
      throw new IllegalArgumentException("weeklyHours must be positive");
    }
  }
}
