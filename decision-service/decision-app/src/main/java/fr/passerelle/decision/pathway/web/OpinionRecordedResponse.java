package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.events.Opinion;

/** The answer to an opinion: what was recorded, for which dossier and session. */
public record OpinionRecordedResponse(String dossierId, String sessionId, Opinion opinion) {}
