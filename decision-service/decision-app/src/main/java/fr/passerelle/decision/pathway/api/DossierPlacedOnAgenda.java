package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/**
 * Internal event: a dossier's request is on the agenda of a session of its département's
 * commission.
 *
 * @param termNumber the term the request is for: 1 for the first request ({@code null} in events
 *     recorded before renewals existed, which were all first requests)
 */
public record DossierPlacedOnAgenda(
    String dossierId,
    String departmentCode,
    String sessionId,
    LocalDate sessionDate,
    Integer termNumber) {

  /** The term the request is for. */
  public int term() {
    return termNumber == null ? 1 : termNumber;
  }
}
