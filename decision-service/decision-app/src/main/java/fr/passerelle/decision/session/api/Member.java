package fr.passerelle.decision.session.api;

/**
 * A member of the commission as a session saw it: who they represent, and which association if they
 * represent one.
 */
public record Member(String memberId, MemberCategory category, String associationId) {}
