package fr.passerelle.benefits.beneficiary.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Internal event: a beneficiary started a training. */
public record TrainingRecorded(
    String dossierId,
    String departmentCode,
    String trainingId,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal weeklyHours) {}
