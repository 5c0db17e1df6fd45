package fr.passerelle.reporting.accesslog.web;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log as auditors read it: who (token subject, roles, association) did
 * what, on which dossier, when, with what outcome and, for a refusal, why.
 */
public record AccessLogEntry(
    Instant recordedAt,
    String subject,
    List<String> roles,
    String associationId,
    String departmentCode,
    String dossierId,
    String operation,
    String method,
    String path,
    String outcome,
    String refusal,
    String requestId) {}
