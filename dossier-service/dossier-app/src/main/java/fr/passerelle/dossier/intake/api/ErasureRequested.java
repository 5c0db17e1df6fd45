package fr.passerelle.dossier.intake.api;

import java.time.Instant;
import java.time.LocalDate;

/** Internal event: the person's request to erase their data was recorded, to be confirmed. */
public record ErasureRequested(
    String dossierId,
    String departmentCode,
    String requestedBy,
    LocalDate receivedOn,
    Instant requestedAt) {}
