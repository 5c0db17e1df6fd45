package fr.passerelle.dossier.intake.api;

import java.util.Objects;

/** An approved association submits a dossier to its département's commission. */
public record SubmitDossierCommand(
    String dossierId,
    String departmentCode,
    String nationality,
    int children,
    boolean traffickingVictim) {

  public SubmitDossierCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(nationality, "nationality");
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
  }
}
