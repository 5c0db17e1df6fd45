package fr.passerelle.dossier.association.api;

import java.time.LocalDate;

/**
 * Internal event: an association's approval was renewed, from the day after the one in force ended
 * ({@code renewedFrom}) until {@code approvedUntil}.
 */
public record ApprovalRenewed(
    String associationId, String departmentCode, LocalDate renewedFrom, LocalDate approvedUntil) {}
