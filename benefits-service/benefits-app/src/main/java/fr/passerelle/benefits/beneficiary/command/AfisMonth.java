package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.events.Territory;
import java.time.YearMonth;
import java.util.Objects;

/** What the AFIS owes for one month: an amount, or why nothing. */
public sealed interface AfisMonth {

  YearMonth month();

  /**
   * @param amountCents the month's AFIS: the full amount, or its share of the days covered
   * @param fullMonthAmountCents the scale's amount for the household
   * @param oneOffAidCents a one-off aid due with the month, or {@code null}
   */
  record Due(
      YearMonth month,
      long amountCents,
      long fullMonthAmountCents,
      Territory territory,
      int children,
      String scaleReference,
      Long oneOffAidCents,
      String oneOffAidReference)
      implements AfisMonth {

    public Due {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(territory, "territory");
      Objects.requireNonNull(scaleReference, "scaleReference");
    }

    public long totalCents() {
      return amountCents + (oneOffAidCents == null ? 0 : oneOffAidCents);
    }
  }

  /** Nothing due, and why: outside the right, suspended, or household unknown. */
  record NotDue(YearMonth month, PaymentOutcome.Status reason) implements AfisMonth {

    public NotDue {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
