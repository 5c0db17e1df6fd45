package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/**
 * Internal event: the beneficiary's pathway ended on {@code lastDay}.
 *
 * @param decidedOn the day of the decision that ended it; {@code null} at term
 */
public record PathwayEnded(
    String dossierId, String departmentCode, LocalDate lastDay, LocalDate decidedOn) {}
