package fr.passerelle.dossier.accesslog;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of every read of personal data, kept for the auditors. An entry is written in the
 * transaction of the read it records: no read without its entry.
 */
@Component
public class PersonalDataAccessLog {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PersonalDataAccessLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records that {@code reader} read the identity of {@code dossierId}, inside the read's. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(PasserelleUser reader, String departmentCode, String dossierId, String route) {
    jdbc.update(
        """
        INSERT INTO personal_data_access
          (accessed_at, subject, roles, department_code, dossier_id, route)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        Timestamp.from(clock.instant()),
        reader.username() == null ? "(inconnu)" : reader.username(),
        reader.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
        departmentCode,
        dossierId,
        route);
  }

  /**
   * The entries of {@code departmentCode}, newest first, of one dossier and within [{@code from},
   * {@code to}) when given.
   */
  public List<AccessLogEntry> entries(
      String departmentCode, String dossierId, Instant from, Instant to, int limit, int offset) {
    return jdbc.query(
        """
        SELECT * FROM personal_data_access
        WHERE department_code = ?
          AND (CAST(? AS VARCHAR) IS NULL OR dossier_id = ?)
          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR accessed_at >= ?)
          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR accessed_at < ?)
        ORDER BY accessed_at DESC, access_id DESC
        LIMIT ? OFFSET ?
        """,
        PersonalDataAccessLog::entry,
        departmentCode,
        dossierId,
        dossierId,
        timestamp(from),
        timestamp(from),
        timestamp(to),
        timestamp(to),
        limit,
        offset);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static AccessLogEntry entry(ResultSet rs, int row) throws SQLException {
    String roles = rs.getString("roles");
    return new AccessLogEntry(
        rs.getTimestamp("accessed_at").toInstant(),
        rs.getString("subject"),
        roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
        rs.getString("department_code"),
        rs.getString("dossier_id"),
        rs.getString("route"));
  }
}
