package fr.passerelle.dossier.intake.api;

/** An approved association starts a dossier with the person; it may be incomplete. */
public record DraftDossierCommand(
    String dossierId, String departmentCode, String personId, DossierContent content) {}
