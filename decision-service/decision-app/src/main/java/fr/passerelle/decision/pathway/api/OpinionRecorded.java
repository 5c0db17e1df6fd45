package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.Opinion;
import java.time.LocalDate;

/**
 * Internal event: the commission gave its opinion on a dossier's request in a session, by this
 * vote.
 *
 * @param termNumber the term the request is for: 1 for a first request ({@code null} in events
 *     recorded before renewals existed)
 */
public record OpinionRecorded(
    String dossierId,
    String departmentCode,
    String sessionId,
    LocalDate sessionDate,
    Opinion opinion,
    int votesFor,
    int votesAgainst,
    int abstentions,
    boolean chairVotedFor,
    Integer termNumber) {

  /** The term the request is for. */
  public int term() {
    return termNumber == null ? 1 : termNumber;
  }
}
