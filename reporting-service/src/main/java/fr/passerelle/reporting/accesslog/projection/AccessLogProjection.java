package fr.passerelle.reporting.accesslog.projection;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import java.sql.Timestamp;
import org.springframework.stereotype.Component;

/** Projects every service's access log entries ({@code AccessRecorded}) into one table. */
@Component
public class AccessLogProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "access-log";

  private final ReadModelRows rows;

  AccessLogProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(AccessRecorded entry) {
    rows.insert(
        """
        INSERT INTO access_entry
          (access_id, recorded_at, subject, roles, association_id, department_code, dossier_id,
           operation, method, path, outcome, refusal, request_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (access_id) DO NOTHING
        """,
        entry.accessId(),
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
