package fr.passerelle.decision.session.api;

import java.time.LocalDate;

/**
 * Internal event: a first convocation that lacked its quorum was followed by its second
 * convocation. A first convocation has one second convocation only, so its agenda is deliberated
 * once (CRPA R133-10).
 *
 * @param sessionId the first convocation
 * @param secondConvocationId the session that sat on second convocation
 * @param secondConvocationDate the day the second convocation sat
 */
public record CommissionSessionReconvened(
    String sessionId,
    String departmentCode,
    String secondConvocationId,
    LocalDate secondConvocationDate) {}
