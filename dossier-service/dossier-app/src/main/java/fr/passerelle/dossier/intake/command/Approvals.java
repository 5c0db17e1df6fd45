package fr.passerelle.dossier.intake.command;

import java.time.LocalDate;
import java.util.Optional;

/** Which associations are approved, where and when: asked when a dossier is submitted. */
@FunctionalInterface
public interface Approvals {

  /** The association's approval in the département, if it has one there. */
  Optional<Approval> of(String associationId, String departmentCode);

  /** An approval's period, both days included. */
  record Approval(LocalDate from, LocalDate until) {

    public boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(until);
    }
  }
}
