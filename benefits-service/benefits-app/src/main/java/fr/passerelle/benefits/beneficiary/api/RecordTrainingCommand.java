package fr.passerelle.benefits.beneficiary.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approved association records that a beneficiary started a training, apart from employment.
 *
 * @param endDate its planned last day, or {@code null}
 * @param weeklyHours hours a week, or {@code null} when not known
 */
public record RecordTrainingCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String trainingId,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal weeklyHours) {

  public RecordTrainingCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(trainingId, "trainingId");
    Objects.requireNonNull(startDate, "startDate");
    if (weeklyHours != null && weeklyHours.signum() <= 0) {
      throw new IllegalArgumentException("weeklyHours must be positive");
    }
  }
}
