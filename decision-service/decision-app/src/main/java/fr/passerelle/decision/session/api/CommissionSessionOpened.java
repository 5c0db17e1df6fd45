package fr.passerelle.decision.session.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Internal event: the departmental commission was convened on a day, with its members as they were
 * then, who attended, and whether it may deliberate.
 *
 * <p>Sessions recorded before members were named carry counts only: {@code members}, {@code
 * present}, {@code mandates}, {@code chairMemberId} and {@code quorate} are {@code null} there, and
 * such a session sat with its quorum or on a second convocation.
 *
 * @param quorate whether the members present or represented reached the quorum
 * @param convocation when the members were convened, {@code null} when not recorded (and in the
 *     events stored before it could be)
 */
public record CommissionSessionOpened(
    String sessionId,
    String departmentCode,
    LocalDate date,
    int membersTotal,
    int membersPresent,
    int membersRepresented,
    boolean secondConvocation,
    List<Member> members,
    List<String> present,
    List<Mandate> mandates,
    String chairMemberId,
    String firstConvocationId,
    Boolean quorate,
    Convocation convocation) {

  /** Whether the commission may give opinions in this session. */
  public boolean mayDeliberate() {
    return secondConvocation || quorate == null || quorate;
  }
}
