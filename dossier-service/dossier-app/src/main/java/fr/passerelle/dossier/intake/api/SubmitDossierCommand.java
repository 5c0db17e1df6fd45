package fr.passerelle.dossier.intake.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association submits a complete draft to its département's commission. */
public record SubmitDossierCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode) {}
