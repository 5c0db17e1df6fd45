package fr.passerelle.benefits.payment.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The paying body confirms a département's payment run for {@code month}: each beneficiary listed
 * is then paid what the month owes them, once.
 *
 * @param confirmedOn the day of the run, the payments' date
 * @param dossierIds the beneficiaries whose AFIS reaches the month
 */
public record ConfirmPaymentRunCommand(
    @TargetAggregateIdentifier String runId,
    String departmentCode,
    YearMonth month,
    LocalDate confirmedOn,
    List<String> dossierIds) {

  public ConfirmPaymentRunCommand {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(confirmedOn, "confirmedOn");
    dossierIds = List.copyOf(dossierIds);
  }
}
