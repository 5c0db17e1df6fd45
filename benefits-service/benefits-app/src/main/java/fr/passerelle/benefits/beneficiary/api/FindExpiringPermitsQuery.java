package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The permits in force in {@code departmentCode} whose validity ends from {@code from} to {@code
 * to}.
 */
public record FindExpiringPermitsQuery(String departmentCode, LocalDate from, LocalDate to) {

  public FindExpiringPermitsQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
