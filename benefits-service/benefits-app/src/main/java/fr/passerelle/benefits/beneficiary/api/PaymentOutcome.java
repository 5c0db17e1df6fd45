package fr.passerelle.benefits.beneficiary.api;

import java.util.Objects;

/**
 * What a payment run's line came to.
 *
 * @param paidCents what this run paid for the month (AFIS and one-off aid), 0 unless {@code PAID}
 */
public record PaymentOutcome(Status status, long paidCents) {

  public PaymentOutcome {
    Objects.requireNonNull(status, "status");
  }

  public static PaymentOutcome paid(long cents) {
    return new PaymentOutcome(Status.PAID, cents);
  }

  public static PaymentOutcome not(Status status) {
    return new PaymentOutcome(status, 0);
  }

  public enum Status {
    PAID,
    /** Paid before, by this run or another: never twice. */
    ALREADY_PAID,
    /** The month is outside the right (before its start, after its end) or no right was granted. */
    NOT_DUE,
    /** The préfet suspended the AFIS for the month. */
    SUSPENDED,
    /** A right granted before households were recorded: its household must be recorded first. */
    HOUSEHOLD_UNKNOWN
  }
}
