package fr.passerelle.benefits.payment.api;

import java.util.Objects;

/** A payment run of {@code departmentCode} and where it stands. */
public record FindPaymentRunQuery(String departmentCode, String runId) {

  public FindPaymentRunQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(runId, "runId");
  }
}
