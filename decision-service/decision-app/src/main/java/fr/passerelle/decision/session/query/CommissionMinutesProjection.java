package fr.passerelle.decision.session.query;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.pathway.api.DossierPlacedOnAgenda;
import fr.passerelle.decision.pathway.api.OpinionRecorded;
import fr.passerelle.decision.session.api.CommissionSessionOpened;
import fr.passerelle.decision.session.api.Convocation;
import fr.passerelle.decision.session.api.FindCommissionMembersQuery;
import fr.passerelle.decision.session.api.FindSessionMinutesQuery;
import fr.passerelle.decision.session.api.Mandate;
import fr.passerelle.decision.session.api.Member;
import fr.passerelle.decision.session.api.MemberAppointed;
import fr.passerelle.decision.session.api.MemberCategory;
import fr.passerelle.decision.session.api.MemberView;
import fr.passerelle.decision.session.api.SessionMinutes;
import fr.passerelle.decision.session.api.SessionMinutes.Attendance;
import fr.passerelle.decision.session.api.SessionMinutes.Attendee;
import fr.passerelle.decision.session.api.SessionMinutes.Deliberation;
import fr.passerelle.decision.session.command.QuorumRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The commission's members and each session's minutes: attendance as recorded, the agenda, and the
 * outcome of each deliberation. Every update can be applied again, so the processor may replay.
 */
@Component
@ProcessingGroup(CommissionMinutesProjection.PROCESSING_GROUP)
public class CommissionMinutesProjection {

  public static final String PROCESSING_GROUP = "commission-minutes";

  private final JdbcTemplate jdbc;
  private final QuorumRule quorum;

  CommissionMinutesProjection(JdbcTemplate jdbc, QuorumRule quorum) {
    this.jdbc = jdbc;
    this.quorum = quorum;
  }

  @EventHandler
  void on(MemberAppointed event, @Timestamp Instant recordedAt) {
    jdbc.update(
        """
        INSERT INTO commission_member
          (member_id, department_code, name, category, association_id, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (member_id) DO NOTHING
        """,
        event.memberId(),
        event.departmentCode(),
        event.name(),
        event.category().name(),
        event.associationId(),
        java.sql.Timestamp.from(recordedAt));
  }

  @EventHandler
  void on(CommissionSessionOpened event, @Timestamp Instant recordedAt) {
    int inserted =
        jdbc.update(
            """
            INSERT INTO session_minutes
              (session_id, department_code, session_date, second_convocation, first_convocation_id,
               members_total, members_present, members_represented, may_deliberate,
               chair_member_id, convocation_sent_on, convocation_urgent, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO NOTHING
            """,
            event.sessionId(),
            event.departmentCode(),
            event.date(),
            event.secondConvocation(),
            event.firstConvocationId(),
            event.membersTotal(),
            event.membersPresent(),
            event.membersRepresented(),
            event.mayDeliberate(),
            event.chairMemberId(),
            event.convocation() == null ? null : event.convocation().sentOn(),
            event.convocation() == null ? null : event.convocation().urgent(),
            java.sql.Timestamp.from(recordedAt));
    if (inserted == 0 || event.members() == null) {
      return;
    }
    Set<String> present = new HashSet<>(event.present());
    Map<String, String> representedBy = new HashMap<>();
    for (Mandate mandate : event.mandates()) {
      representedBy.put(mandate.fromMemberId(), mandate.toMemberId());
    }
    int position = 0;
    for (Member member : event.members()) {
      Attendance attendance =
          present.contains(member.memberId())
              ? Attendance.PRESENT
              : representedBy.containsKey(member.memberId())
                  ? Attendance.REPRESENTED
                  : Attendance.ABSENT;
      jdbc.update(
          """
          INSERT INTO session_attendee
            (session_id, member_id, position, attendance, represented_by)
          VALUES (?, ?, ?, ?, ?)
          """,
          event.sessionId(),
          member.memberId(),
          position++,
          attendance.name(),
          representedBy.get(member.memberId()));
    }
  }

  /**
   * A request on a session's agenda leaves the agenda of a session that could have studied it and
   * did not; a session without its quorum keeps its agenda in its minutes.
   */
  @EventHandler
  void on(DossierPlacedOnAgenda event) {
    jdbc.update(
        "DELETE FROM session_deliberation WHERE dossier_id = ? AND term_number = ?"
            + " AND opinion IS NULL AND session_id <> ? AND session_id NOT IN"
            + " (SELECT session_id FROM session_minutes WHERE NOT may_deliberate)",
        event.dossierId(),
        event.term(),
        event.sessionId());
    jdbc.update(
        """
        INSERT INTO session_deliberation (session_id, dossier_id, term_number)
        VALUES (?, ?, ?)
        ON CONFLICT (session_id, dossier_id, term_number) DO NOTHING
        """,
        event.sessionId(),
        event.dossierId(),
        event.term());
  }

  @EventHandler
  void on(OpinionRecorded event) {
    jdbc.update(
        """
        INSERT INTO session_deliberation
          (session_id, dossier_id, term_number, opinion, votes_for, votes_against, abstentions,
           chair_voted_for, recused)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session_id, dossier_id, term_number) DO UPDATE SET
          opinion = excluded.opinion, votes_for = excluded.votes_for,
          votes_against = excluded.votes_against, abstentions = excluded.abstentions,
          chair_voted_for = excluded.chair_voted_for, recused = excluded.recused
        """,
        event.sessionId(),
        event.dossierId(),
        event.term(),
        event.opinion().name(),
        event.votesFor(),
        event.votesAgainst(),
        event.abstentions(),
        event.chairVotedFor(),
        event.recusedMemberIds() == null ? "" : String.join(",", event.recusedMemberIds()));
  }

  @QueryHandler
  List<MemberView> handle(FindCommissionMembersQuery query) {
    return jdbc.query(
        "SELECT member_id, name, category, association_id FROM commission_member"
            + " WHERE department_code = ? ORDER BY position",
        (rs, row) ->
            new MemberView(
                rs.getString("member_id"),
                rs.getString("name"),
                MemberCategory.valueOf(rs.getString("category")),
                rs.getString("association_id")),
        query.departmentCode());
  }

  @QueryHandler
  Optional<SessionMinutes> handle(FindSessionMinutesQuery query) {
    List<SessionRow> sessions =
        jdbc.query(
            """
            SELECT s.*, f.session_date AS first_date
              FROM session_minutes s
              LEFT JOIN session_minutes f ON f.session_id = s.first_convocation_id
             WHERE s.session_id = ? AND s.department_code = ?
            """,
            (rs, row) ->
                new SessionRow(
                    rs.getObject("session_date", LocalDate.class),
                    rs.getBoolean("second_convocation"),
                    rs.getObject("first_date", LocalDate.class),
                    rs.getInt("members_total"),
                    rs.getInt("members_present"),
                    rs.getInt("members_represented"),
                    rs.getBoolean("may_deliberate"),
                    rs.getString("chair_member_id"),
                    rs.getObject("convocation_sent_on", LocalDate.class) == null
                        ? null
                        : new Convocation(
                            rs.getObject("convocation_sent_on", LocalDate.class),
                            rs.getBoolean("convocation_urgent"))),
            query.sessionId(),
            query.departmentCode());
    if (sessions.isEmpty()) {
      return Optional.empty();
    }
    SessionRow session = sessions.get(0);
    Map<String, String> names = new HashMap<>();
    jdbc.query(
        "SELECT member_id, name FROM commission_member WHERE department_code = ?",
        rs -> {
          names.put(rs.getString("member_id"), rs.getString("name"));
        },
        query.departmentCode());
    List<Attendee> attendees =
        jdbc.query(
            """
            SELECT a.member_id, a.attendance, a.represented_by, m.category
              FROM session_attendee a JOIN commission_member m ON m.member_id = a.member_id
             WHERE a.session_id = ? ORDER BY a.position
            """,
            (rs, row) ->
                new Attendee(
                    names.get(rs.getString("member_id")),
                    MemberCategory.valueOf(rs.getString("category")),
                    Attendance.valueOf(rs.getString("attendance")),
                    names.get(rs.getString("represented_by"))),
            query.sessionId());
    List<Deliberation> deliberations =
        jdbc.query(
            "SELECT * FROM session_deliberation WHERE session_id = ? ORDER BY position",
            (rs, row) ->
                new Deliberation(
                    rs.getString("dossier_id"),
                    rs.getInt("term_number"),
                    rs.getString("opinion") == null
                        ? null
                        : Opinion.valueOf(rs.getString("opinion")),
                    rs.getInt("votes_for"),
                    rs.getInt("votes_against"),
                    rs.getInt("abstentions"),
                    rs.getBoolean("chair_voted_for"),
                    Arrays.stream(rs.getString("recused").split(","))
                        .filter(id -> !id.isEmpty())
                        .map(names::get)
                        .toList()),
            query.sessionId());
    return Optional.of(
        new SessionMinutes(
            query.sessionId(),
            query.departmentCode(),
            session.date(),
            session.secondConvocation(),
            session.firstConvocationDate(),
            session.membersTotal(),
            session.membersPresent(),
            session.membersRepresented(),
            quorum.required(session.membersTotal()),
            session.mayDeliberate(),
            names.get(session.chairMemberId()),
            session.convocation(),
            attendees,
            deliberations));
  }

  private record SessionRow(
      LocalDate date,
      boolean secondConvocation,
      LocalDate firstConvocationDate,
      int membersTotal,
      int membersPresent,
      int membersRepresented,
      boolean mayDeliberate,
      String chairMemberId,
      Convocation convocation) {}
}
