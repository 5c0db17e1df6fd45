package fr.passerelle.dossier.intake.api;

import fr.passerelle.dossier.events.ErasureReason;
import java.time.LocalDate;

/**
 * Internal event: the association was told the person's data will be erased on {@code erasureOn}
 * (published as {@code PersonalDataErasureDue}).
 */
public record ErasureAnnounced(
    String dossierId,
    String departmentCode,
    String associationId,
    LocalDate erasureOn,
    ErasureReason reason) {}
