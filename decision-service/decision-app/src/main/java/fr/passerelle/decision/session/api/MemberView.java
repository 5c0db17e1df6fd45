package fr.passerelle.decision.session.api;

/** A member of the commission, as the secretariat lists them. */
public record MemberView(
    String memberId, String name, MemberCategory category, String associationId) {}
