package fr.passerelle.dossier.intake.api;

import fr.passerelle.dossier.events.ErasureReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retention: the period for {@code reason} has passed and was announced; the data goes. */
public record EraseExpiredDataCommand(
    @TargetAggregateIdentifier String dossierId, ErasureReason reason) {}
