package fr.passerelle.dossier.association.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The préfet renews an association's approval until {@code approvedUntil}. */
public record RenewApprovalCommand(
    @TargetAggregateIdentifier String associationId,
    String departmentCode,
    LocalDate approvedUntil) {}
