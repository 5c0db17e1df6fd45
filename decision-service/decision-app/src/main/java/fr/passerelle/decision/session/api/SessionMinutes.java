package fr.passerelle.decision.session.api;

import fr.passerelle.decision.events.Opinion;
import java.time.LocalDate;
import java.util.List;

/**
 * The minutes (procès-verbal) of a session: who sat, the quorum, and the outcome of each
 * deliberation. Dossiers are named by their number only: the persons' identities are not
 * decision-service's.
 *
 * @param secondConvocation whether the session sat on a second convocation
 * @param mayDeliberate whether it reached its quorum or sat on a second convocation
 * @param chair the member who chaired, {@code null} for a session recorded as counts
 * @param convocation when the members were convened, {@code null} when not recorded
 */
public record SessionMinutes(
    String sessionId,
    String departmentCode,
    LocalDate date,
    boolean secondConvocation,
    LocalDate firstConvocationDate,
    int membersTotal,
    int membersPresent,
    int membersRepresented,
    int quorum,
    boolean mayDeliberate,
    String chair,
    Convocation convocation,
    List<Attendee> attendees,
    List<Deliberation> deliberations) {

  /** How a member attended. */
  public enum Attendance {
    PRESENT,
    REPRESENTED,
    ABSENT
  }

  /**
   * A member of the commission at the session.
   *
   * @param representedBy for a member represented, the member who held the mandate
   */
  public record Attendee(
      String name, MemberCategory category, Attendance attendance, String representedBy) {}

  /**
   * A request on the agenda, and what the commission voted.
   *
   * @param termNumber 1 for a first request, 2 and more for a renewal
   * @param opinion {@code null} while the commission has not given it
   * @param recused the names of the members who took no part in the vote
   */
  public record Deliberation(
      String dossierId,
      int termNumber,
      Opinion opinion,
      int votesFor,
      int votesAgainst,
      int abstentions,
      boolean chairVotedFor,
      List<String> recused) {}
}
