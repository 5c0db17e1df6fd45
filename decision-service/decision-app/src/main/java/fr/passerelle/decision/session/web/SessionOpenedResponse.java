package fr.passerelle.decision.session.web;

/**
 * The answer to a new session: its id, and whether it may deliberate (its quorum reached, or a
 * second convocation).
 */
public record SessionOpenedResponse(
    String sessionId,
    String departmentCode,
    int membersTotal,
    int membersPresent,
    int membersRepresented,
    int quorum,
    boolean mayDeliberate) {}
