package fr.passerelle.decision.pathway.api;

import java.util.Objects;

/** Where a département's pathway stands. */
public record FindPathwayQuery(String departmentCode, String dossierId) {

  public FindPathwayQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(dossierId, "dossierId");
  }
}
