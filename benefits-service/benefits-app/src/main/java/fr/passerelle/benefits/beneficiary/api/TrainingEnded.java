package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/** Internal event: a training ended on {@code endDate}. */
public record TrainingEnded(
    String dossierId, String departmentCode, String trainingId, LocalDate endDate) {}
