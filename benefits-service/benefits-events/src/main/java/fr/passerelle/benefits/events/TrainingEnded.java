package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * A training ended.
 *
 * @param endDate its last day
 */
public record TrainingEnded(
    String dossierId, String departmentCode, String trainingId, LocalDate endDate) {

  public static final String TYPE = "passerelle.benefits.training-ended.v1";
}
