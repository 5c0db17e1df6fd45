package fr.passerelle.dossier.association.query;

import java.time.LocalDate;

/** An approved association as the departmental teams see it. */
public record AssociationView(
    String associationId,
    String departmentCode,
    String name,
    LocalDate approvedFrom,
    LocalDate approvedUntil) {

  public boolean approvedOn(LocalDate day) {
    return !day.isBefore(approvedFrom) && !day.isAfter(approvedUntil);
  }
}
