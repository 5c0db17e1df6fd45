package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The association recorded a beneficiary's housing from a date; it lasts until the next step.
 *
 * @param from the first day in that housing
 */
public record HousingStepRecorded(
    String dossierId, String departmentCode, HousingStep step, LocalDate from) {

  public static final String TYPE = "passerelle.benefits.housing-step-recorded.v1";
}
