package fr.passerelle.benefits.beneficiary.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Internal event: a change recorded after months were paid (an end, a stop, a suspension) made
 * those payments too high; the difference is to be recovered.
 */
public record AfisOverpaymentRecorded(
    String dossierId, String departmentCode, LocalDate recordedOn, List<Overpaid> months) {

  public AfisOverpaymentRecorded {
    months = List.copyOf(months);
  }

  public long amountCents() {
    return months.stream().mapToLong(Overpaid::amountCents).sum();
  }

  /** What was paid too much for one month. */
  public record Overpaid(YearMonth month, long amountCents) {

    public Overpaid {
      Objects.requireNonNull(month, "month");
      if (amountCents <= 0) {
        throw new IllegalArgumentException("an overpayment is positive");
      }
    }
  }
}
