package fr.passerelle.decision.session.api;

/**
 * Internal event: a member joined the commission of a département. Never published: the members'
 * names stay in decision-service.
 */
public record MemberAppointed(
    String commissionId,
    String departmentCode,
    String memberId,
    String name,
    MemberCategory category,
    String associationId) {}
