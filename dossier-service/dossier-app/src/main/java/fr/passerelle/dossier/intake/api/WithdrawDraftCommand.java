package fr.passerelle.dossier.intake.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association withdraws a draft that will not be submitted. */
public record WithdrawDraftCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode) {}
