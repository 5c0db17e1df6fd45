package fr.passerelle.decision.events;

import java.time.LocalDate;

/**
 * The departmental commission gave its opinion on a dossier in a session.
 *
 * @param dossierId the dossier, also the record key
 * @param departmentCode the département of the commission
 * @param sessionId the commission session
 * @param sessionDate the day the commission sat
 * @param opinion favourable, unfavourable, or adjourned for more information
 * @param termNumber the term the request is for: 1 for a first request, 2 and more for a renewal
 *     (optional, added in 0.3: absent, the request is a first one)
 */
public record OpinionRecorded(
    String dossierId,
    String departmentCode,
    String sessionId,
    LocalDate sessionDate,
    Opinion opinion,
    Integer termNumber) {

  public static final String TYPE = "passerelle.decision.opinion-recorded.v1";
}
