package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.Opinion;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commission gives its opinion on a dossier of its session's agenda, as its members voted.
 *
 * @param votesFor members who voted for the request
 * @param votesAgainst members who voted against it
 * @param abstentions members who abstained
 * @param chairVotedFor how the chair voted: the chair's vote breaks a tie
 * @param recusedMemberIds members who declared a personal interest and take no part in this vote
 *     (the members of the association that accompanies the person are added by the rules)
 */
public record RecordOpinionCommand(
    @TargetAggregateIdentifier String dossierId,
    String departmentCode,
    String sessionId,
    Opinion opinion,
    int votesFor,
    int votesAgainst,
    int abstentions,
    boolean chairVotedFor,
    List<String> recusedMemberIds) {

  public RecordOpinionCommand {
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(opinion, "opinion");
    if (votesFor < 0 || votesAgainst < 0 || abstentions < 0) {
      throw new IllegalArgumentException("votes are counted from 0");
    }
    recusedMemberIds = recusedMemberIds == null ? List.of() : List.copyOf(recusedMemberIds);
  }
}
