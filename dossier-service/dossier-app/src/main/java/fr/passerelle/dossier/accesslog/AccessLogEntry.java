package fr.passerelle.dossier.accesslog;

import java.time.Instant;
import java.util.List;

/**
 * One read of a person's identity: who ({@code sub} of their token) with which roles, when, which
 * dossier of which département, through which route. Nothing of the person read.
 */
public record AccessLogEntry(
    Instant accessedAt,
    String subject,
    List<String> roles,
    String departmentCode,
    String dossierId,
    String route) {}
