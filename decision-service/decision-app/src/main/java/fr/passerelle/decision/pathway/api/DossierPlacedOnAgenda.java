package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/** Internal event: a dossier is on the agenda of a session of its département's commission. */
public record DossierPlacedOnAgenda(
    String dossierId, String departmentCode, String sessionId, LocalDate sessionDate) {}
