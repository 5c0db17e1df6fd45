package fr.passerelle.decision.session.web;

/** The answer to a new session: its id. */
public record SessionOpenedResponse(String sessionId, String departmentCode) {}
