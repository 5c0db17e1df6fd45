package fr.passerelle.dossier.intake.command;

import java.time.LocalDate;

/** Which associations are approved, where and when: asked when a dossier is submitted. */
public interface Approvals {

  boolean approved(String associationId, String departmentCode, LocalDate day);
}
