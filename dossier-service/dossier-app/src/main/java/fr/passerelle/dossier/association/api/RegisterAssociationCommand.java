package fr.passerelle.dossier.association.api;

import java.time.LocalDate;

/** The préfet approves an association to accompany exit pathways in a département. */
public record RegisterAssociationCommand(
    String associationId,
    String departmentCode,
    String name,
    LocalDate approvedFrom,
    LocalDate approvedUntil) {}
