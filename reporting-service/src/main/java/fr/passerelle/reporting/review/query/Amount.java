package fr.passerelle.reporting.review.query;

/**
 * Sums of money, in cents. An amount is withheld with the count of its recipients: an amount paid
 * to one person says what that person receives.
 */
public enum Amount {
  AFIS_MONTHLY_TOTAL_CENTS("afisMonthlyTotalCents", Count.AFIS_RECIPIENTS),
  /** The AFIS budget actually paid: the payments of the months of the period. */
  AFIS_PAID_CENTS("afisPaidCents", Count.AFIS_RECIPIENTS_PAID);

  private final String field;
  private final Count recipients;

  Amount(String field, Count recipients) {
    this.field = field;
    this.recipients = recipients;
  }

  public String field() {
    return field;
  }

  public Count recipients() {
    return recipients;
  }
}
