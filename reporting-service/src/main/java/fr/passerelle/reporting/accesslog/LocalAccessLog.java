package fr.passerelle.reporting.accesslog;

import fr.passerelle.edge.audit.AccessEntry;
import fr.passerelle.edge.audit.AccessLog;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * reporting-service's own access log entries (its reads of the access log), written in the read's
 * transaction into a table of its own, beside the entries it gathers from the other services.
 */
public class LocalAccessLog implements AccessLog {

  private final JdbcTemplate jdbc;

  public LocalAccessLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(AccessEntry entry) {
    jdbc.update(
        """
        INSERT INTO public.reporting_access_entry
          (access_id, recorded_at, subject, roles, association_id, department_code, dossier_id,
           operation, method, path, outcome, refusal, request_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        UUID.randomUUID().toString(),
        Timestamp.from(entry.recordedAt()),
        entry.subject(),
        String.join(",", entry.roles()),
        entry.associationId(),
        entry.departmentCode(),
        entry.dossierId(),
        entry.operation(),
        entry.method(),
        entry.path(),
        entry.outcome().name(),
        entry.refusal(),
        entry.requestId());
  }
}
