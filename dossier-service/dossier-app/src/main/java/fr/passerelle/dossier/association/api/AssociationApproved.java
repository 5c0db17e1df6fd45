package fr.passerelle.dossier.association.api;

import java.time.LocalDate;

/** Internal event: an association was approved (agrément) for a département and a period. */
public record AssociationApproved(
    String associationId,
    String departmentCode,
    String name,
    LocalDate approvedFrom,
    LocalDate approvedUntil) {}
