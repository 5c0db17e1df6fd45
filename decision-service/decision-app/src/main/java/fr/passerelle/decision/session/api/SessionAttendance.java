package fr.passerelle.decision.session.api;

/**
 * What a recorded session counts: its members, those present and represented, the quorum, and
 * whether it may deliberate (its quorum reached, or a second convocation).
 */
public record SessionAttendance(
    int membersTotal,
    int membersPresent,
    int membersRepresented,
    int quorum,
    boolean mayDeliberate) {}
