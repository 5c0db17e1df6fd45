package fr.passerelle.dossier.intake.api;

import fr.passerelle.dossier.events.ErasureReason;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Retention: the association is told that the person's data will be erased on {@code erasureOn}.
 */
public record AnnounceErasureCommand(
    @TargetAggregateIdentifier String dossierId, LocalDate erasureOn, ErasureReason reason) {}
