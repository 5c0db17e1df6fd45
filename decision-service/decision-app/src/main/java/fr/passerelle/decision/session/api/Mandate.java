package fr.passerelle.decision.session.api;

/**
 * An absent member who gave their vote to a member present (CRPA R133-8: one mandate at most per
 * member).
 *
 * @param fromMemberId the absent member, represented
 * @param toMemberId the member present who holds the mandate
 */
public record Mandate(String fromMemberId, String toMemberId) {}
