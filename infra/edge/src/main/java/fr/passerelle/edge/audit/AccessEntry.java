package fr.passerelle.edge.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log: who (token subject, roles, association) did what (the route's
 * operation and path template) on which dossier of which département, when, with what outcome,
 * under which request id. Nothing of the person concerned.
 *
 * @param refusal why a refused call was refused ({@code DEPARTEMENT}, {@code ROLE}, {@code
 *     ASSOCIATION}), null otherwise
 */
public record AccessEntry(
    Instant recordedAt,
    String subject,
    List<String> roles,
    String associationId,
    String departmentCode,
    String dossierId,
    String operation,
    String method,
    String path,
    AccessOutcome outcome,
    String refusal,
    String requestId) {}
