package fr.passerelle.dossier.intake.api;

/** Internal event: a draft's content was replaced. */
public record DraftRevised(String dossierId, DossierContent content) {}
