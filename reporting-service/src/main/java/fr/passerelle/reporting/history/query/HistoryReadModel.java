package fr.passerelle.reporting.history.query;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.reporting.audit.ledger.AuditLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a dossier's history from the audit ledger (every event received about it, the access log's
 * entries among them) and from reporting-service's own access log, merged by recording time.
 */
@Component
public class HistoryReadModel {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String EVENT = "EVENT";
  private static final String ACCESS = "ACCESS";

  private final JdbcTemplate jdbc;

  HistoryReadModel(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The history of {@code dossierId} in {@code departmentCode}, with the access log's entries when
   * asked; empty when the ledger holds nothing of that dossier in that département.
   */
  public Optional<DossierHistory> of(
      String departmentCode, String dossierId, boolean withAccessLog) {
    List<Ordered> entries = new ArrayList<>();
    boolean[] erased = {false};
    jdbc.query(
        """
        SELECT position, event_type, source, recorded_at, received_at, domain_date, request_id,
               actor_subject, actor_roles, facts, person_data
        FROM public.audit_event
        WHERE subject = ? AND department_code = ?
        ORDER BY subject_position
        """,
        rs -> {
          String type = rs.getString("event_type");
          if (AuditLedger.ERASURES.contains(type)) {
            erased[0] = true;
          }
          if (AccessRecorded.TYPE.equals(type)) {
            if (withAccessLog) {
              entries.add(accessFromLedger(rs));
            }
          } else {
            entries.add(event(rs));
          }
        },
        dossierId,
        departmentCode);
    if (entries.isEmpty() && !exists(departmentCode, dossierId)) {
      return Optional.empty();
    }
    if (withAccessLog) {
      jdbc.query(
          """
          SELECT recorded_at, subject, roles, operation, outcome, refusal, request_id, method, path
          FROM public.reporting_access_entry
          WHERE dossier_id = ? AND department_code = ?
          """,
          rs -> {
            entries.add(ownAccess(rs));
          },
          dossierId,
          departmentCode);
    }
    entries.sort(
        Comparator.comparing((Ordered e) -> e.entry().recordedAt())
            .thenComparing(Ordered::position));
    return Optional.of(
        new DossierHistory(
            departmentCode,
            dossierId,
            erased[0],
            withAccessLog,
            entries.stream().map(Ordered::entry).toList()));
  }

  private boolean exists(String departmentCode, String dossierId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM public.audit_event WHERE subject = ? AND department_code = ?)",
            Boolean.class,
            dossierId,
            departmentCode));
  }

  /** An entry and its tie-breaker: its ledger position; reporting's own entries come after. */
  private record Ordered(HistoryEntry entry, long position) {}

  private static Ordered event(ResultSet rs) throws SQLException {
    String roles = rs.getString("actor_roles");
    String subject = rs.getString("actor_subject");
    String person = rs.getString("person_data");
    long position = rs.getLong("position");
    return new Ordered(
        new HistoryEntry(
            EVENT,
            rs.getString("event_type"),
            service(rs.getString("source")),
            rs.getObject("domain_date", LocalDate.class),
            instant(rs.getTimestamp("recorded_at")),
            instant(rs.getTimestamp("received_at")),
            subject == null && roles.isEmpty()
                ? null
                : new HistoryEntry.Actor(subject, list(roles)),
            rs.getString("request_id"),
            rs.getString("facts"),
            person,
            position),
        position);
  }

  /** An access log entry another service published, as the ledger keeps it. */
  @SuppressWarnings("unchecked")
  private static Ordered accessFromLedger(ResultSet rs) throws SQLException {
    Map<String, Object> facts = JSON.readValue(rs.getString("facts"), MAP);
    long position = rs.getLong("position");
    Object roles = facts.get("roles");
    return new Ordered(
        new HistoryEntry(
            ACCESS,
            (String) facts.get("operation"),
            service(rs.getString("source")),
            rs.getObject("domain_date", LocalDate.class),
            instant(rs.getTimestamp("recorded_at")),
            instant(rs.getTimestamp("received_at")),
            new HistoryEntry.Actor(
                (String) facts.get("subject"),
                roles instanceof List<?> list ? (List<String>) list : List.of()),
            (String) facts.get("requestId"),
            JSON.writeValueAsString(access(facts)),
            null,
            position),
        position);
  }

  private static Ordered ownAccess(ResultSet rs) throws SQLException {
    Instant recordedAt = instant(rs.getTimestamp("recorded_at"));
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    facts.put("method", rs.getString("method"));
    facts.put("path", rs.getString("path"));
    facts.put("outcome", rs.getString("outcome"));
    if (rs.getString("refusal") != null) {
      facts.put("refusal", rs.getString("refusal"));
    }
    return new Ordered(
        new HistoryEntry(
            ACCESS,
            rs.getString("operation"),
            "reporting-service",
            LocalDate.ofInstant(recordedAt, java.time.ZoneId.of("Europe/Paris")),
            recordedAt,
            null,
            new HistoryEntry.Actor(rs.getString("subject"), list(rs.getString("roles"))),
            rs.getString("request_id"),
            JSON.writeValueAsString(facts),
            null,
            null),
        Long.MAX_VALUE);
  }

  /** What an access entry says beyond who, when and which request. */
  private static Map<String, Object> access(Map<String, Object> facts) {
    Map<String, Object> access = new java.util.LinkedHashMap<>();
    for (String name : List.of("method", "path", "outcome", "refusal")) {
      if (facts.get(name) != null) {
        access.put(name, facts.get(name));
      }
    }
    return access;
  }

  /** {@code /passerelle/decision-service} is {@code decision-service}. */
  private static String service(String source) {
    return source == null ? null : source.substring(source.lastIndexOf('/') + 1);
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isEmpty()
        ? List.of()
        : Arrays.asList(commaSeparated.split(","));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
