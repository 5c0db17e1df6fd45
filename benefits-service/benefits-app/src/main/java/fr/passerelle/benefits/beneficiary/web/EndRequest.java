package fr.passerelle.benefits.beneficiary.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The end of a job or a training: its last day. */
public record EndRequest(@NotNull(message = "obligatoire") LocalDate endDate) {}
