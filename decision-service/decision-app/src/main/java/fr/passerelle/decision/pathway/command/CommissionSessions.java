package fr.passerelle.decision.pathway.command;

import java.time.LocalDate;
import java.util.Optional;

/** The sessions of the commissions, as a pathway's rules see them. */
@FunctionalInterface
public interface CommissionSessions {

  /** The session {@code sessionId}, if there is one. */
  Optional<Sitting> find(String sessionId);

  /** When and for which département a commission sits. */
  record Sitting(String sessionId, String departmentCode, LocalDate date) {}
}
