package fr.passerelle.dossier.intake.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The person asked for their data to be erased (GDPR art. 17), through the association that
 * accompanies them or the préfecture: recorded, to be confirmed by the préfecture.
 *
 * @param requestedBy the token subject of who records the request
 * @param receivedOn the day the person's request was received
 */
public record RequestErasureCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String requestedBy,
    LocalDate receivedOn) {}
