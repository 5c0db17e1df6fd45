package fr.passerelle.decision.pathway.api;

import java.util.Objects;

/** The dossiers of a département that await a session of its commission, oldest first. */
public record FindPendingDossiersQuery(String departmentCode) {

  public FindPendingDossiersQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
  }
}
