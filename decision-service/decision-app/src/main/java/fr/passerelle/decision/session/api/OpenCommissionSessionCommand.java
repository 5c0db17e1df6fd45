package fr.passerelle.decision.session.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The commission secretariat records that the departmental commission sits.
 *
 * @param sessionId the new session
 * @param departmentCode the département of the commission
 * @param date the day the commission sits
 * @param membersTotal members of the commission
 * @param membersPresent members present
 * @param membersRepresented absent members represented by another member
 * @param secondConvocation whether the commission sits on a second convocation, without quorum
 */
public record OpenCommissionSessionCommand(
    String sessionId,
    String departmentCode,
    LocalDate date,
    int membersTotal,
    int membersPresent,
    int membersRepresented,
    boolean secondConvocation) {

  public OpenCommissionSessionCommand {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(date, "date");
    if (membersTotal < 1 || membersPresent < 0 || membersRepresented < 0) {
      throw new IllegalArgumentException("members must be counted from 0, at least one in all");
    }
    if (membersPresent + membersRepresented > membersTotal) {
      throw new IllegalArgumentException("more members present or represented than members");
    }
  }
}
