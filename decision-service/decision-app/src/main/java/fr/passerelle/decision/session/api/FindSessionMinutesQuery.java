package fr.passerelle.decision.session.api;

/** The minutes of one session of a département's commission. */
public record FindSessionMinutesQuery(String departmentCode, String sessionId) {}
