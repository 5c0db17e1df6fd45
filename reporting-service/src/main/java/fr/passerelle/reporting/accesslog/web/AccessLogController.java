package fr.passerelle.reporting.accesslog.web;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.edge.route.AccessRecorder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors read the access log of their département: the entries every service published, and this
 * service's own. Each read of it is itself recorded, in the read's transaction.
 */
@RestController
class AccessLogController {

  static final int MAX_LIMIT = 1000;

  /**
   * The instants a filter may name: the years 1 to 9999 (ISO 8601's), which PostgreSQL and JDBC
   * both hold; an instant is also accepted as epoch milliseconds, whose range is far wider.
   */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The longest dossier id the access log keeps (its column). */
  static final int MAX_DOSSIER_ID = 64;

  private final JdbcTemplate jdbc;
  private final AccessRecorder accessLog;

  AccessLogController(JdbcTemplate jdbc, AccessRecorder accessLog) {
    this.jdbc = jdbc;
    this.accessLog = accessLog;
  }

  @GetMapping("/api/departements/{departmentCode}/access-log")
  @Transactional
  public List<AccessLogEntry> entries(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String dossierId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    List<FieldError> errors = new ArrayList<>();
    if (limit < 1 || limit > MAX_LIMIT) {
      errors.add(FieldError.of("limit", "entre 1 et " + MAX_LIMIT));
    }
    if (offset < 0) {
      errors.add(FieldError.of("offset", "ne peut pas être négatif"));
    }
    if (dossierId != null
        && (dossierId.length() > MAX_DOSSIER_ID
            || dossierId.chars().anyMatch(Character::isISOControl))) {
      errors.add(
          FieldError.of(
              "dossierId",
              "un identifiant de dossier : "
                  + MAX_DOSSIER_ID
                  + " caractères au plus, sans caractère de contrôle"));
    }
    boolean bounded = inCalendar("from", from, errors) & inCalendar("to", to, errors);
    if (bounded && from != null && to != null && !from.isBefore(to)) {
      errors.add(FieldError.of("to", "doit suivre from"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String dossier = dossierId == null || dossierId.isBlank() ? null : dossierId;
    accessLog.read(dossier);
    return jdbc.query(
        """
        SELECT * FROM (
          SELECT access_id, recorded_at, subject, roles, association_id, department_code,
                 dossier_id, operation, method, path, outcome, refusal, request_id
          FROM access_entry
          UNION ALL
          SELECT access_id, recorded_at, subject, roles, association_id, department_code,
                 dossier_id, operation, method, path, outcome, refusal, request_id
          FROM public.reporting_access_entry
        ) entry
        WHERE department_code = ?
          AND (CAST(? AS VARCHAR) IS NULL OR dossier_id = ?)
          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR recorded_at >= ?)
          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR recorded_at < ?)
        ORDER BY recorded_at DESC, access_id DESC
        LIMIT ? OFFSET ?
        """,
        AccessLogController::entry,
        departmentCode,
        dossier,
        dossier,
        timestamp(from),
        timestamp(from),
        timestamp(to),
        timestamp(to),
        limit,
        offset);
  }

  /** Whether {@code instant}, if any, is between the years 1 and 9999; if not, it is named. */
  private static boolean inCalendar(String name, Instant instant, List<FieldError> errors) {
    if (instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST))) {
      return true;
    }
    errors.add(FieldError.of(name, "un instant entre l'an 1 et l'an 9999"));
    return false;
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static AccessLogEntry entry(ResultSet rs, int row) throws SQLException {
    String roles = rs.getString("roles");
    return new AccessLogEntry(
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("subject"),
        roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
        rs.getString("association_id"),
        rs.getString("department_code"),
        rs.getString("dossier_id"),
        rs.getString("operation"),
        rs.getString("method"),
        rs.getString("path"),
        rs.getString("outcome"),
        rs.getString("refusal"),
        rs.getString("request_id"));
  }
}
