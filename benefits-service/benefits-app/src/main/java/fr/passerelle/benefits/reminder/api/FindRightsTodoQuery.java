package fr.passerelle.benefits.reminder.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/** What is due in {@code departmentCode} for callers of {@code roles}, as of {@code today}. */
public record FindRightsTodoQuery(String departmentCode, Set<String> roles, LocalDate today) {

  public FindRightsTodoQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(today, "today");
    roles = Set.copyOf(roles);
  }
}
