package fr.passerelle.benefits.payment.api;

import java.time.YearMonth;
import java.util.Objects;

/** The payment runs of {@code departmentCode} for {@code month}. */
public record FindPaymentRunsQuery(String departmentCode, YearMonth month) {

  public FindPaymentRunsQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(month, "month");
  }
}
