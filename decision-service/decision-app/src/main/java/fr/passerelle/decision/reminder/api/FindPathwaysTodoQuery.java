package fr.passerelle.decision.reminder.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What is due on the pathways of {@code departmentCode} for callers of {@code roles}, as of {@code
 * today}; only the pathways {@code associationId} accompanies when it is given (an association's
 * list).
 */
public record FindPathwaysTodoQuery(
    String departmentCode, Set<String> roles, String associationId, LocalDate today) {

  public FindPathwaysTodoQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(today, "today");
    roles = Set.copyOf(roles);
  }
}
