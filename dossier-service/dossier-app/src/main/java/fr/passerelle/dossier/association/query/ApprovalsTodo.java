package fr.passerelle.dossier.association.query;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The to-do list of approvals, computed against a day from the associations' projection: the
 * approvals ending within 60 days (to renew, or let end), and those already ended while dossiers
 * the association submitted are still followed (a pathway awaiting its decision or running, as
 * retention knows it: {@code retention_schedule}). Ids, dates and names of associations only.
 */
@Component
public class ApprovalsTodo {

  /** An approval shows on the list this many days before its last day. */
  static final int NOTICE_DAYS = 60;

  private final JdbcTemplate jdbc;

  ApprovalsTodo(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What a to-do item asks. */
  public enum Kind {
    /** The approval ends within 60 days: the préfecture renews it, or lets it end. */
    APPROVAL_EXPIRING,
    /** The approval has ended, yet pathways the association accompanies are still followed. */
    APPROVAL_EXPIRED_WITH_DOSSIERS
  }

  /**
   * One approval to see to.
   *
   * @param subject the association's id
   * @param name the association's name
   * @param dueOn the approval's last day
   * @param since the day it appeared on the list
   */
  public record Item(Kind kind, String subject, String name, LocalDate dueOn, LocalDate since) {}

  /**
   * The approvals to see to in {@code departmentCode} as of {@code today}; only {@code
   * associationId}'s when it is given.
   */
  public List<Item> asOf(String departmentCode, String associationId, LocalDate today) {
    Date day = Date.valueOf(today);
    return jdbc.query(
        """
        SELECT a.association_id, a.name, a.approved_until,
          CASE WHEN a.approved_until >= ? THEN 'APPROVAL_EXPIRING'
               ELSE 'APPROVAL_EXPIRED_WITH_DOSSIERS' END AS kind
        FROM approved_association a
        WHERE a.department_code = ?
          AND (CAST(? AS VARCHAR) IS NULL OR a.association_id = ?)
          AND a.approved_until <= ?
          AND (a.approved_until >= ?
            OR EXISTS (SELECT 1 FROM retention_schedule r
                       WHERE r.association_id = a.association_id AND r.stage = 'SUBMITTED'))
        ORDER BY a.approved_until, a.name, a.association_id
        """,
        (row, n) -> {
          Kind kind = Kind.valueOf(row.getString("kind"));
          LocalDate until = row.getDate("approved_until").toLocalDate();
          return new Item(
              kind,
              row.getString("association_id"),
              row.getString("name"),
              until,
              kind == Kind.APPROVAL_EXPIRING ? until.minusDays(NOTICE_DAYS) : until.plusDays(1));
        },
        day,
        departmentCode,
        associationId,
        associationId,
        Date.valueOf(today.plusDays(NOTICE_DAYS)),
        day);
  }
}
