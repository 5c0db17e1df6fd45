package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The préfecture issued a temporary residence permit (APS) with the right to work, for the
 * pathway's term. No document number: it stays in the préfecture's files.
 */
public record PermitIssued(
    String dossierId, String departmentCode, LocalDate validFrom, LocalDate validUntil) {

  public static final String TYPE = "passerelle.benefits.permit-issued.v1";
}
