package fr.passerelle.dossier.intake.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The association replaces the content of a draft. */
public record ReviseDraftCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode, DossierContent content) {}
