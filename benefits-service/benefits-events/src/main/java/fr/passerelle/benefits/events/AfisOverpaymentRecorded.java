package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * An end recorded after months were already paid made those payments too high: the difference is an
 * amount to recover from the beneficiary.
 *
 * @param months the months paid too much
 * @param amountCents the total to recover, in cents
 */
public record AfisOverpaymentRecorded(
    String dossierId,
    String departmentCode,
    LocalDate recordedOn,
    List<YearMonth> months,
    long amountCents) {

  public static final String TYPE = "passerelle.benefits.afis-overpayment-recorded.v1";

  public AfisOverpaymentRecorded {
    months = List.copyOf(months);
  }
}
