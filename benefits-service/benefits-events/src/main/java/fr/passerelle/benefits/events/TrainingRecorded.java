package fr.passerelle.benefits.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The association recorded that a beneficiary started a training, apart from employment.
 *
 * @param endDate the training's planned last day, or null
 * @param weeklyHours hours a week, or null when not known
 */
public record TrainingRecorded(
    String dossierId,
    String departmentCode,
    String trainingId,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal weeklyHours) {

  public static final String TYPE = "passerelle.benefits.training-recorded.v1";
}
