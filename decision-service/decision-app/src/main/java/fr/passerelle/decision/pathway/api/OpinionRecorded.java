package fr.passerelle.decision.pathway.api;

import fr.passerelle.decision.events.Opinion;
import java.time.LocalDate;

/** Internal event: the commission gave its opinion on a dossier in a session, by this vote. */
public record OpinionRecorded(
    String dossierId,
    String departmentCode,
    String sessionId,
    LocalDate sessionDate,
    Opinion opinion,
    int votesFor,
    int votesAgainst,
    int abstentions,
    boolean chairVotedFor) {}
