package fr.passerelle.decision.session.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The commission secretariat records that the departmental commission was convened and who
 * attended: with its quorum it deliberates; without, on a first convocation, it records only that
 * the quorum was not reached, and a second convocation with the same agenda sits without quorum.
 *
 * @param sessionId the new session
 * @param departmentCode the département of the commission
 * @param date the day the commission sat
 * @param chairMemberId the member present who chaired the session
 * @param present the members present
 * @param mandates the absent members represented, and by whom
 * @param firstConvocationId for a second convocation, the session that lacked its quorum ({@code
 *     null} for a first convocation)
 * @param convocation when the members were convened ({@code null} when the records do not say, as
 *     for sessions entered from earlier paper records)
 */
public record OpenCommissionSessionCommand(
    String sessionId,
    String departmentCode,
    LocalDate date,
    String chairMemberId,
    List<String> present,
    List<Mandate> mandates,
    String firstConvocationId,
    Convocation convocation) {

  /** A session whose convocation is not recorded. */
  public OpenCommissionSessionCommand(
      String sessionId,
      String departmentCode,
      LocalDate date,
      String chairMemberId,
      List<String> present,
      List<Mandate> mandates,
      String firstConvocationId) {
    this(
        sessionId,
        departmentCode,
        date,
        chairMemberId,
        present,
        mandates,
        firstConvocationId,
        null);
  }

  public OpenCommissionSessionCommand {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(chairMemberId, "chairMemberId");
    present = List.copyOf(present);
    mandates = List.copyOf(mandates);
  }

  public boolean secondConvocation() {
    return firstConvocationId != null;
  }
}
