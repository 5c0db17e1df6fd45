package fr.passerelle.dossier.intake.web;

/** The answer to a submission: the new dossier's id. */
public record DossierSubmittedResponse(String dossierId, String departmentCode) {}
