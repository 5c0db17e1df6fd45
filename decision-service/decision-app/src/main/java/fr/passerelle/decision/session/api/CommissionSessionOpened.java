package fr.passerelle.decision.session.api;

import java.time.LocalDate;

/** Internal event: the departmental commission sits, with or without quorum. */
public record CommissionSessionOpened(
    String sessionId,
    String departmentCode,
    LocalDate date,
    int membersTotal,
    int membersPresent,
    int membersRepresented,
    boolean secondConvocation) {}
