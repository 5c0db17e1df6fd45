package fr.passerelle.dossier.intake.api;

import fr.passerelle.dossier.events.ErasureReason;
import java.time.Instant;

/**
 * Internal event: the person's data key is destroyed (the vault does it in the same transaction).
 * Published as the tombstone {@code PersonalDataErased}: the dossier, the day, the reason.
 */
public record PersonalDataErased(
    String dossierId,
    String departmentCode,
    String personId,
    ErasureReason reason,
    Instant erasedAt) {}
