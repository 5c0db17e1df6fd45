package fr.passerelle.benefits.payment.api;

import java.time.YearMonth;
import java.util.Objects;

/** What a payment run of {@code month} would pay in {@code departmentCode}, if confirmed now. */
public record FindPaymentPreviewQuery(String departmentCode, YearMonth month) {

  public FindPaymentPreviewQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(month, "month");
  }
}
