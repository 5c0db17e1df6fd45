package fr.passerelle.decision.session.command;

import fr.passerelle.decision.session.api.Mandate;
import fr.passerelle.decision.session.api.Member;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The sessions of the commissions, as the rules of a pathway or of another session see them. */
public interface CommissionSessions {

  /** The session {@code sessionId}, if there is one. */
  Optional<Sitting> find(String sessionId);

  /**
   * Records on the first convocation {@code firstConvocationId} that {@code secondConvocation}
   * followed it, in the same unit of work as the second convocation's own recording: of two second
   * convocations recorded at once for the same first, one only is kept.
   *
   * @throws fr.passerelle.edge.refusal.ConflictException when another second convocation already
   *     followed it
   */
  void reconvene(String firstConvocationId, Sitting secondConvocation);

  /**
   * When and for which département a commission sat, and who attended.
   *
   * @param mayDeliberate whether it had its quorum or sat on a second convocation
   * @param firstConvocationId for a second convocation, the session that lacked its quorum
   * @param reconvenedBy for a first convocation without its quorum, the second convocation that
   *     followed it, if one did
   * @param attending members present or represented
   * @param members the commission's members then ({@code null} for a session recorded as counts,
   *     before members were named, and then so are {@code present} and {@code mandates})
   */
  record Sitting(
      String sessionId,
      String departmentCode,
      LocalDate date,
      boolean mayDeliberate,
      String firstConvocationId,
      int attending,
      String chairMemberId,
      List<Member> members,
      List<String> present,
      List<Mandate> mandates,
      String reconvenedBy) {

    /** A session of members named, with its quorum. */
    public Sitting(String sessionId, String departmentCode, LocalDate date) {
      this(sessionId, departmentCode, date, true, null, 0, null, null, null, null, null);
    }

    public boolean lackedQuorum() {
      return !mayDeliberate;
    }

    /** Whether the members are named (else the session holds counts only). */
    public boolean membersNamed() {
      return members != null;
    }

    /**
     * The members who vote on one deliberation: those present, and those represented, but the
     * members who take no part in it, nor the mandates these hold.
     */
    public Set<String> votersWithout(Set<String> recused) {
      Set<String> voters = new HashSet<>(present);
      voters.removeAll(recused);
      for (Mandate mandate : mandates) {
        if (!recused.contains(mandate.fromMemberId()) && !recused.contains(mandate.toMemberId())) {
          voters.add(mandate.fromMemberId());
        }
      }
      return voters;
    }
  }
}
