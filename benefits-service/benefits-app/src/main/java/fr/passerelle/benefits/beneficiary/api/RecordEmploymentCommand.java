package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approved association records that a beneficiary started a job or a training. */
public record RecordEmploymentCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    ContractType contractType,
    LocalDate startDate,
    BigDecimal weeklyHours) {

  public RecordEmploymentCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(contractType, "contractType");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(weeklyHours, "weeklyHours");
    if (weeklyHours.signum() <= 0) {
      throw new IllegalArgumentException("weeklyHours must be positive");
    }
  }
}
