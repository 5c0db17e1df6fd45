package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;

/** Internal event: a job ended on {@code endDate}. */
public record EmploymentEnded(
    String dossierId, String departmentCode, String employmentId, LocalDate endDate) {}
