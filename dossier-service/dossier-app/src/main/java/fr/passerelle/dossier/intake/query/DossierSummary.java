package fr.passerelle.dossier.intake.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dossier's place in the process, without personal data.
 *
 * @param personId the vault's id of the person; null once their data is erased
 * @param submittedAt when the submission was recorded
 * @param submittedOn the day the dossier was submitted, as the association entered it (for a
 *     submission recorded before that day was entered, the day it was recorded, in France)
 * @param erasureReceivedOn the day the person's erasure request was received, while it awaits the
 *     préfecture's confirmation
 * @param erasedAt when the person's data was erased
 * @param erasureReason why, as a code
 */
public record DossierSummary(
    String dossierId,
    String departmentCode,
    String associationId,
    String personId,
    String status,
    Instant draftedAt,
    Instant submittedAt,
    LocalDate submittedOn,
    LocalDate erasureReceivedOn,
    Instant erasedAt,
    String erasureReason) {}
