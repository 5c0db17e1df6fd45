package fr.passerelle.dossier.intake.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The préfecture confirms a pending erasure request: the person's data key is destroyed.
 *
 * @param confirmedBy the token subject of who confirms: never who recorded the request
 */
public record ConfirmErasureCommand(
    @TargetAggregateIdentifier String dossierId, String departmentCode, String confirmedBy) {}
