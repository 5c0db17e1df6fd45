package fr.passerelle.reporting.review.query;

import java.util.List;
import java.util.Map;

/**
 * One département's figures month by month, as the platform knows them now: what its dashboard
 * draws over time. For readers outside the département's staff, counts under the threshold and
 * those that would give them away are withheld: null, and named in {@code withheld}.
 *
 * @param from the first month, {@code YYYY-MM}
 * @param to the last month, {@code YYYY-MM}
 * @param months every month from {@code from} to {@code to}, in order
 * @param secrecyThreshold the k under which counts are withheld, or null: exact figures
 * @param withheld the withheld figures, each named {@code YYYY-MM.field} (or {@code
 *     YYYY-MM.employmentByContractType.CODE}), in order
 */
public record DepartmentSeries(
    String departmentCode,
    String from,
    String to,
    List<Month> months,
    Integer secrecyThreshold,
    List<String> withheld) {

  public DepartmentSeries {
    months = List.copyOf(months);
    withheld = List.copyOf(withheld);
  }

  /**
   * One month's figures.
   *
   * @param month {@code YYYY-MM}
   * @param pathwaysInProgress pathways in progress on the month's last day
   * @param beneficiariesInEmployment beneficiaries in a job on the month's last day (trainings
   *     apart), each once however many jobs they hold
   * @param employmentByContractType them by the contract of each job they hold that day, every job
   *     contract type listed (zeros included), in the contracts' order: one in two jobs of
   *     different contracts counts under both
   * @param afisRecipientsPaid people paid the AFIS for the month
   * @param afisPaidCents the AFIS paid for the month, in cents; null when its recipients' count is
   *     withheld
   */
  public record Month(
      String month,
      Long pathwaysInProgress,
      Long beneficiariesInEmployment,
      Map<String, Long> employmentByContractType,
      Long afisRecipientsPaid,
      Long afisPaidCents) {}
}
