package fr.passerelle.benefits.beneficiary.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.benefits.events.AfisEndReason;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.AfisStopReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A beneficiary's rights as decided over the pathway's life, and the integration outcomes recorded
 * since.
 *
 * @param associationId the approved association that accompanies the beneficiary, the only one that
 *     may see and record its outcomes; {@code null} when the validation named none
 * @param permit the residence permit and its decisions, or {@code null} when none was decided
 * @param afis the AFIS, its requests and payments, or {@code null} when none was requested
 */
public record BeneficiaryView(
    String dossierId,
    String departmentCode,
    String associationId,
    Pathway pathway,
    Permit permit,
    Afis afis,
    List<Employment> employments,
    List<Training> trainings,
    List<Housing> housing) {

  public BeneficiaryView {
    employments = List.copyOf(employments);
    trainings = List.copyOf(trainings);
    housing = List.copyOf(housing);
  }

  /**
   * The pathway as benefits-service knows it.
   *
   * @param endDate last day of its authorisation in force
   * @param lastDay the day it ended, {@code null} while it runs
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pathway(
      LocalDate decidedOn, LocalDate startDate, LocalDate endDate, LocalDate lastDay) {}

  /**
   * The residence permit (APS): {@code ISSUED} (in force, possibly renewed), {@code ENDED}, or
   * {@code REFUSED} when none was ever issued.
   *
   * @param refusal the last refusal, of the permit or of its renewal
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Permit(
      String status,
      LocalDate decidedOn,
      LocalDate validFrom,
      LocalDate validUntil,
      LocalDate endedOn,
      PermitEndReason endReason,
      PermitRefusal refusal) {}

  public record PermitRefusal(LocalDate decidedOn, PermitRefusalReason reason, boolean renewal) {}

  /**
   * The AFIS: {@code REQUESTED} (a request awaits the préfet), {@code REFUSED}, {@code GRANTED},
   * {@code SUSPENDED} or {@code ENDED}.
   *
   * @param from first day of the right, when granted
   * @param until last day of the pathway's authorisation it runs to
   * @param endedOn its last day, when it ended
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Afis(
      String status,
      Territory territory,
      LocalDate decidedOn,
      LocalDate from,
      LocalDate until,
      LocalDate endedOn,
      AfisEndReason endReason,
      List<Request> requests,
      List<Household> household,
      List<Suspension> suspensions,
      List<Payment> payments,
      List<Overpayment> overpayments) {}

  /** A request and the préfet's decision on it, every unmet condition listed when refused. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Request(
      String requestId,
      LocalDate requestedOn,
      int children,
      LocalDate decidedOn,
      Boolean granted,
      List<AfisRefusalReason> refusalReasons) {}

  /** The household counted from {@code fromMonth} on. */
  public record Household(YearMonth fromMonth, int children) {}

  /** Months suspended: from {@code fromMonth} until the month before {@code untilMonth}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suspension(
      YearMonth fromMonth, YearMonth untilMonth, LocalDate decidedOn, AfisStopReason reason) {}

  /** One month paid. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Payment(
      YearMonth month,
      long amountCents,
      long fullMonthAmountCents,
      int children,
      String scaleReference,
      Long oneOffAidCents,
      String oneOffAidReference,
      String paymentRunId,
      LocalDate paidOn) {}

  /** What was paid too much for a month, to recover. */
  public record Overpayment(YearMonth month, long amountCents, LocalDate recordedOn) {}

  /**
   * A job: running at a date D when it started on or before D and has not ended before D.
   *
   * @param endDate the end a fixed-term contract sets
   * @param endedOn the day it actually ended
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Employment(
      String employmentId,
      ContractType contractType,
      LocalDate startDate,
      BigDecimal weeklyHours,
      LocalDate endDate,
      LocalDate endedOn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Training(
      String trainingId,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal weeklyHours,
      LocalDate endedOn) {}

  /** Where the beneficiary lives from {@code from}, until the next step. */
  public record Housing(HousingStep step, LocalDate from) {}
}
