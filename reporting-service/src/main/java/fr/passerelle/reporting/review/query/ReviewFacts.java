package fr.passerelle.reporting.review.query;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes each département's figures for a period from the projected facts, as the platform knew
 * them at an instant (the facts recorded by then) or now, in one query per kind of fact grouped by
 * département. Each fact counts where its own event placed it; a benefit counts only once its
 * dossier's pathway was validated by the period's end, whichever event arrived first. The
 * definitions are the README's.
 */
@Component
class ReviewFacts {

  /** What was known at the review's instant: facts recorded by then (all of them, without one). */
  private static final String KNOWN =
      "(CAST(:as_of AS TIMESTAMPTZ) IS NULL OR %s.recorded_at <= :as_of)";

  /** One département, or every one. */
  static final String IN_SCOPE =
      "(CAST(:department AS VARCHAR) IS NULL OR %s.department_code = :department)";

  /** A day within the period; a period without a start begins with the commission. */
  private static final String IN_PERIOD =
      "(CAST(:from AS DATE) IS NULL OR %1$s >= :from) AND %1$s <= :to";

  /** The dossier's pathway was validated by the period's end, as known then. */
  private static final String BENEFICIARY =
      """
      EXISTS (SELECT 1 FROM pathway_decision validation
              WHERE validation.dossier_id = %s.dossier_id
                AND validation.outcome = 'VALIDATED'
                AND validation.decided_on <= :to
                AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR validation.recorded_at <= :as_of))
      """;

  /** The fact's pathway had ended (its last day, as known) before a day. */
  static final String ENDED_BEFORE =
      """
      EXISTS (SELECT 1 FROM pathway_end e
              WHERE e.dossier_id = %1$s.dossier_id AND e.last_day < %2$s
                AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR e.recorded_at <= :as_of))
      """;

  /**
   * The last day of an AFIS grant: its own, or a later one the pathway's renewals decided by the
   * period's end gave it, as known.
   */
  private static final String AFIS_UNTIL =
      """
      GREATEST(%1$s.period_until,
               (SELECT max(r.until) FROM afis_renewal r
                WHERE r.dossier_id = %1$s.dossier_id AND r.until >= %1$s.period_from
                  AND r.decided_on <= :to
                  AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR r.recorded_at <= :as_of)))
      """;

  /** An AFIS grant had ended (AfisEnded's last day, as known) before a day. */
  private static final String AFIS_ENDED_BEFORE =
      """
      EXISTS (SELECT 1 FROM afis_end e
              WHERE e.dossier_id = %1$s.dossier_id
                AND e.ended_on >= %1$s.period_from - 1 AND e.ended_on < %2$s
                AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR e.recorded_at <= :as_of))
      """;

  /** An AFIS grant was suspended for the month of the period's end, as known. */
  private static final String AFIS_SUSPENDED_AT_END =
      """
      coalesce((SELECT s.kind = 'SUSPENDED' FROM afis_suspension s
                WHERE s.dossier_id = %1$s.dossier_id
                  AND s.from_month <= CAST(date_trunc('month', CAST(:to AS DATE)) AS DATE)
                  AND s.from_month >= CAST(date_trunc('month', %1$s.period_from) AS DATE)
                  AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR s.recorded_at <= :as_of)
                ORDER BY s.from_month DESC, s.decided_on DESC, s.recorded_at DESC
                LIMIT 1), false)
      """;

  /**
   * The last day of a job or a training: the last end recorded for it, as known, or the one its
   * contract planned; null while it runs.
   */
  static final String LAST_DAY =
      """
      coalesce((SELECT x.end_date FROM %2$s x
                WHERE x.%3$s = %1$s.%3$s
                  AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR x.recorded_at <= :as_of)
                ORDER BY x.recorded_at DESC, x.end_date DESC LIMIT 1),
               %1$s.planned_end)
      """;

  /** Each dossier's last decision on its first request in the period supersedes earlier ones. */
  private static final String LAST_DECISIONS =
      """
      WITH last_decision AS (
        SELECT DISTINCT ON (d.dossier_id)
               d.dossier_id, d.department_code, d.nationality, d.trafficking_victim, d.outcome
        FROM pathway_decision d
        WHERE %s AND %s AND %s
        ORDER BY d.dossier_id, d.decided_on DESC, d.outcome DESC
      )
      """
          .formatted(
              IN_PERIOD.formatted("d.decided_on"), KNOWN.formatted("d"), IN_SCOPE.formatted("d"));

  private final NamedParameterJdbcTemplate jdbc;

  ReviewFacts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The figures of {@code departmentCode}, or of every département with any (a null département),
   * by département code.
   */
  Map<String, Figures> figures(ReviewPeriod period, Instant asOf, String departmentCode) {
    MapSqlParameterSource parameters = parameters(period, asOf, departmentCode);
    Map<String, Figures> figures = new TreeMap<>();
    decisions(parameters, figures);
    nationalities(parameters, figures);
    firstRequests(parameters, figures);
    renewals(parameters, figures);
    pathways(parameters, figures);
    permits(parameters, figures);
    permitsInForce(parameters, figures);
    afis(parameters, figures);
    afisAtEnd(parameters, figures);
    afisPaid(parameters, figures);
    afisRefusals(parameters, figures);
    afisRefusalConditions(parameters, figures);
    employment(parameters, figures);
    housing(parameters, figures);
    return figures;
  }

  private void decisions(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        LAST_DECISIONS
            + """
            SELECT department_code,
                   count(*) FILTER (WHERE outcome = 'VALIDATED') AS validated,
                   count(*) FILTER (WHERE outcome = 'REFUSED') AS refused,
                   count(*) FILTER (WHERE outcome = 'VALIDATED' AND trafficking_victim) AS victims
            FROM last_decision GROUP BY department_code
            """,
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.VALIDATED, row.getLong("validated"))
              .add(Count.REFUSED, row.getLong("refused"))
              .add(Count.VALIDATED_TRAFFICKING_VICTIMS, row.getLong("victims"));
        });
  }

  private void nationalities(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        LAST_DECISIONS
            + """
            SELECT department_code, nationality, count(*) AS validated
            FROM last_decision WHERE outcome = 'VALIDATED'
            GROUP BY department_code, nationality
            """,
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(
                  Breakdown.VALIDATED_BY_NATIONALITY,
                  row.getString("nationality"),
                  row.getLong("validated"));
        });
  }

  /**
   * First requests registered: dossiers submitted in the period, by the day the association entered
   * (for a submission published without it, the day it was recorded, in Paris).
   */
  private void firstRequests(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT s.department_code, count(*) AS submitted
        FROM submitted_dossier s
        WHERE %s AND %s AND %s
        GROUP BY s.department_code
        """
            .formatted(
                IN_PERIOD.formatted(
                    "COALESCE(s.submitted_on,"
                        + " CAST(s.submitted_at AT TIME ZONE 'Europe/Paris' AS DATE))"),
                KNOWN.formatted("s"),
                IN_SCOPE.formatted("s")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.FIRST_REQUESTS_REGISTERED, row.getLong("submitted"));
        });
  }

  /**
   * Renewals asked for in the period; the préfet's renewals granted (another term of the same
   * pathway) and refused in the period, as decisions.
   */
  private void renewals(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    counts(
        """
        SELECT r.department_code, count(*) FROM renewal_request r
        WHERE %s AND %s AND %s GROUP BY r.department_code
        """
            .formatted(
                IN_PERIOD.formatted("r.requested_on"),
                KNOWN.formatted("r"),
                IN_SCOPE.formatted("r")),
        parameters,
        figures,
        Count.RENEWAL_REQUESTS_REGISTERED);
    counts(
        """
        SELECT t.department_code, count(*) FROM pathway_term t
        WHERE t.term_number > 1 AND %s AND %s AND %s GROUP BY t.department_code
        """
            .formatted(
                IN_PERIOD.formatted("t.decided_on"), KNOWN.formatted("t"), IN_SCOPE.formatted("t")),
        parameters,
        figures,
        Count.PATHWAYS_RENEWED);
    counts(
        """
        SELECT r.department_code, count(*) FROM renewal_refusal r
        WHERE %s AND %s AND %s GROUP BY r.department_code
        """
            .formatted(
                IN_PERIOD.formatted("r.decided_on"), KNOWN.formatted("r"), IN_SCOPE.formatted("r")),
        parameters,
        figures,
        Count.RENEWALS_REFUSED);
  }

  /**
   * Pathways in progress at the period's end (a term authorised that runs that day, the pathway not
   * ended before it), people accompanied during the period (a term that runs some day of it, the
   * pathway not ended before the period began), pathways ended in the period (their last day in
   * it). A pathway is a dossier, however many terms it runs.
   */
  private void pathways(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    counts(
        """
        SELECT t.department_code, count(DISTINCT t.dossier_id) FROM pathway_term t
        WHERE t.start_date <= :to AND t.end_date >= :to AND %s AND %s
          AND NOT %s
        GROUP BY t.department_code
        """
            .formatted(
                KNOWN.formatted("t"), IN_SCOPE.formatted("t"), ENDED_BEFORE.formatted("t", ":to")),
        parameters,
        figures,
        Count.PATHWAYS_IN_PROGRESS);
    counts(
        """
        SELECT t.department_code, count(DISTINCT t.dossier_id) FROM pathway_term t
        WHERE t.start_date <= :to AND (CAST(:from AS DATE) IS NULL OR t.end_date >= :from)
          AND %s AND %s
          AND (CAST(:from AS DATE) IS NULL OR NOT %s)
        GROUP BY t.department_code
        """
            .formatted(
                KNOWN.formatted("t"),
                IN_SCOPE.formatted("t"),
                ENDED_BEFORE.formatted("t", ":from")),
        parameters,
        figures,
        Count.PEOPLE_ACCOMPANIED);
    counts(
        """
        SELECT e.department_code, count(DISTINCT e.dossier_id) FROM pathway_end e
        WHERE %s AND %s AND %s GROUP BY e.department_code
        """
            .formatted(
                IN_PERIOD.formatted("e.last_day"), KNOWN.formatted("e"), IN_SCOPE.formatted("e")),
        parameters,
        figures,
        Count.PATHWAYS_ENDED);
  }

  /** One count by département, from a query selecting (department_code, count). */
  private void counts(
      String sql, MapSqlParameterSource parameters, Map<String, Figures> figures, Count count) {
    jdbc.query(
        sql,
        parameters,
        row -> {
          of(figures, row.getString(1)).add(count, row.getLong(2));
        });
  }

  /**
   * Permits issued in the period (renewals are permits too), and among them those renewed: a permit
   * renewed ({@code PermitRenewed}), or of a dossier that had one before, as known at the review's
   * instant.
   */
  private void permits(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT p.department_code, count(*) AS issued,
               count(*) FILTER (WHERE p.renewal OR EXISTS (
                 SELECT 1 FROM residence_permit earlier
                 WHERE earlier.dossier_id = p.dossier_id AND earlier.valid_from < p.valid_from
                   AND %s)) AS renewed
        FROM residence_permit p
        WHERE %s AND %s AND %s AND %s
        GROUP BY p.department_code
        """
            .formatted(
                KNOWN.formatted("earlier"),
                IN_PERIOD.formatted("p.valid_from"),
                KNOWN.formatted("p"),
                IN_SCOPE.formatted("p"),
                BENEFICIARY.formatted("p")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.PERMITS_ISSUED, row.getLong("issued"))
              .add(Count.PERMITS_RENEWED, row.getLong("renewed"));
        });
  }

  /**
   * Permits in force at the period's end: dossiers with a permit valid that day, not ended before
   * it ({@code PermitEnded}: withdrawn, as known), whose pathway had not ended before it either
   * (the permit is the pathway's: it is withdrawn when the pathway ends).
   */
  private void permitsInForce(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    counts(
        """
        SELECT p.department_code, count(DISTINCT p.dossier_id) FROM residence_permit p
        WHERE p.valid_from <= :to AND p.valid_until >= :to AND %s AND %s AND %s AND NOT %s
          AND NOT EXISTS (SELECT 1 FROM permit_end pe
                          WHERE pe.dossier_id = p.dossier_id
                            AND pe.ended_on >= p.valid_from AND pe.ended_on < :to AND %s)
        GROUP BY p.department_code
        """
            .formatted(
                KNOWN.formatted("p"),
                IN_SCOPE.formatted("p"),
                BENEFICIARY.formatted("p"),
                ENDED_BEFORE.formatted("p", ":to"),
                KNOWN.formatted("pe")),
        parameters,
        figures,
        Count.PERMITS_IN_FORCE);
  }

  /**
   * Recipients are dossiers with a grant running some day of the period (until its last day,
   * renewals included, unless ended before the period began); each counts with the amount of its
   * latest grant of the period.
   */
  private void afis(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT department_code, count(*) AS recipients,
               coalesce(sum(monthly_amount_cents), 0) AS monthly_total
        FROM (SELECT DISTINCT ON (g.dossier_id) g.department_code, g.monthly_amount_cents
              FROM afis_grant g
              WHERE g.period_from <= :to
                AND (CAST(:from AS DATE) IS NULL OR (%s >= :from AND NOT %s))
                AND %s AND %s AND %s
              ORDER BY g.dossier_id, g.period_from DESC) AS recipient
        GROUP BY department_code
        """
            .formatted(
                AFIS_UNTIL.formatted("g"),
                AFIS_ENDED_BEFORE.formatted("g", ":from"),
                KNOWN.formatted("g"),
                IN_SCOPE.formatted("g"),
                BENEFICIARY.formatted("g")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.AFIS_RECIPIENTS, row.getLong("recipients"))
              .add(Amount.AFIS_MONTHLY_TOTAL_CENTS, row.getLong("monthly_total"));
        });
  }

  /**
   * AFIS recipients at the period's end: dossiers with a grant running that day (renewals
   * included), not ended before it ({@code AfisEnded}) nor suspended for its month, whose pathway
   * had not ended before it either (the AFIS ends with the pathway).
   */
  private void afisAtEnd(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    counts(
        """
        SELECT g.department_code, count(DISTINCT g.dossier_id) FROM afis_grant g
        WHERE g.period_from <= :to AND %s >= :to AND %s AND %s AND %s
          AND NOT %s AND NOT %s AND NOT %s
        GROUP BY g.department_code
        """
            .formatted(
                AFIS_UNTIL.formatted("g"),
                KNOWN.formatted("g"),
                IN_SCOPE.formatted("g"),
                BENEFICIARY.formatted("g"),
                ENDED_BEFORE.formatted("g", ":to"),
                AFIS_ENDED_BEFORE.formatted("g", ":to"),
                AFIS_SUSPENDED_AT_END.formatted("g")),
        parameters,
        figures,
        Count.AFIS_RECIPIENTS_AT_END);
  }

  /**
   * The AFIS budget actually paid: the payments whose month (its first day) is in the period,
   * whenever they were made or recorded, and the people paid at least one of those months.
   */
  private void afisPaid(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT p.department_code, count(DISTINCT p.dossier_id) AS paid,
               coalesce(sum(p.amount_cents), 0) AS paid_cents
        FROM afis_payment p
        WHERE %s AND %s AND %s AND %s
        GROUP BY p.department_code
        """
            .formatted(
                IN_PERIOD.formatted("p.month"),
                KNOWN.formatted("p"),
                IN_SCOPE.formatted("p"),
                BENEFICIARY.formatted("p")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.AFIS_RECIPIENTS_PAID, row.getLong("paid"))
              .add(Amount.AFIS_PAID_CENTS, row.getLong("paid_cents"));
        });
  }

  /**
   * AFIS refused in the period: dossiers, each by the reason of its last refusal in the period, so
   * that the reasons add up to the refusals.
   */
  private void afisRefusals(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT department_code, reason, count(*) AS refused
        FROM (SELECT DISTINCT ON (r.dossier_id) r.department_code, r.reason
              FROM afis_refusal r
              WHERE %s AND %s AND %s AND %s
              ORDER BY r.dossier_id, r.decided_on DESC, r.reason) AS last_refusal
        GROUP BY department_code, reason
        """
            .formatted(
                IN_PERIOD.formatted("r.decided_on"),
                KNOWN.formatted("r"),
                IN_SCOPE.formatted("r"),
                BENEFICIARY.formatted("r")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.AFIS_REFUSALS, row.getLong("refused"))
              .add(
                  Breakdown.AFIS_REFUSALS_BY_REASON,
                  row.getString("reason"),
                  row.getLong("refused"));
        });
  }

  /**
   * AFIS refusals of the period by condition: each dossier's last refusal in the period counts
   * under every condition it found unmet, so that a refusal for two reasons counts under both.
   */
  private void afisRefusalConditions(
      MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT department_code, reason, count(DISTINCT dossier_id) AS refused
        FROM (SELECT DISTINCT ON (r.dossier_id) r.dossier_id, r.department_code, r.reasons
              FROM afis_refusal r
              WHERE %s AND %s AND %s AND %s
              ORDER BY r.dossier_id, r.decided_on DESC, r.reason) AS last_refusal,
             unnest(last_refusal.reasons) AS reason
        GROUP BY department_code, reason
        """
            .formatted(
                IN_PERIOD.formatted("r.decided_on"),
                KNOWN.formatted("r"),
                IN_SCOPE.formatted("r"),
                BENEFICIARY.formatted("r")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(
                  Breakdown.AFIS_REFUSALS_BY_CONDITION,
                  row.getString("reason"),
                  row.getLong("refused"));
        });
  }

  /**
   * Beneficiaries in employment at the period's end (a job running that day: started on or before
   * it, not ended before it; trainings apart), on a CDI among them (a CDI running that day), and in
   * training (a training running that day, trainings recorded as employments before 0.3 included).
   */
  private void employment(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT department_code,
               count(*) FILTER (WHERE employed) AS employed,
               count(*) FILTER (WHERE on_cdi) AS on_cdi,
               count(*) FILTER (WHERE in_training) AS in_training
        FROM (SELECT a.dossier_id, a.department_code,
                     bool_or(a.contract_type <> 'TRAINING') AS employed,
                     bool_or(a.contract_type = 'CDI') AS on_cdi,
                     bool_or(a.contract_type = 'TRAINING') AS in_training
              FROM (SELECT e.dossier_id, e.department_code, e.contract_type, e.start_date,
                           %s AS last_day
                    FROM employment e
                    WHERE e.start_date <= :to AND %s AND %s AND %s
                    UNION ALL
                    SELECT t.dossier_id, t.department_code, 'TRAINING', t.start_date,
                           %s AS last_day
                    FROM training t
                    WHERE t.start_date <= :to AND %s AND %s AND %s) AS a
              WHERE a.last_day IS NULL OR a.last_day >= :to
              GROUP BY a.dossier_id, a.department_code) AS beneficiary
        GROUP BY department_code
        """
            .formatted(
                LAST_DAY.formatted("e", "employment_end", "employment_id"),
                KNOWN.formatted("e"),
                IN_SCOPE.formatted("e"),
                BENEFICIARY.formatted("e"),
                LAST_DAY.formatted("t", "training_end", "training_id"),
                KNOWN.formatted("t"),
                IN_SCOPE.formatted("t"),
                BENEFICIARY.formatted("t")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.BENEFICIARIES_IN_EMPLOYMENT, row.getLong("employed"))
              .add(Count.BENEFICIARIES_ON_CDI, row.getLong("on_cdi"))
              .add(Count.BENEFICIARIES_IN_TRAINING, row.getLong("in_training"));
        });
  }

  /**
   * Housing outcomes: people accompanied during the period (a term of their pathway runs some day
   * of it, not ended before it began), each by their last housing step from a day on or before the
   * period's end (the last recorded, for two steps from the same day), as known.
   */
  private void housing(MapSqlParameterSource parameters, Map<String, Figures> figures) {
    jdbc.query(
        """
        SELECT department_code, step, count(*) AS housed
        FROM (SELECT DISTINCT ON (h.dossier_id) h.department_code, h.step
              FROM housing_step h
              WHERE h.from_date <= :to AND %s AND %s AND %s
                AND EXISTS (SELECT 1 FROM pathway_term t
                            WHERE t.dossier_id = h.dossier_id AND t.start_date <= :to
                              AND (CAST(:from AS DATE) IS NULL OR t.end_date >= :from) AND %s)
                AND (CAST(:from AS DATE) IS NULL OR NOT %s)
              ORDER BY h.dossier_id, h.from_date DESC, h.recorded_at DESC, h.step) AS last_step
        GROUP BY department_code, step
        """
            .formatted(
                KNOWN.formatted("h"),
                IN_SCOPE.formatted("h"),
                BENEFICIARY.formatted("h"),
                KNOWN.formatted("t"),
                ENDED_BEFORE.formatted("h", ":from")),
        parameters,
        row -> {
          of(figures, row.getString("department_code"))
              .add(Count.BENEFICIARIES_WITH_HOUSING, row.getLong("housed"))
              .add(
                  Breakdown.BENEFICIARIES_BY_HOUSING_STEP,
                  row.getString("step"),
                  row.getLong("housed"));
        });
  }

  private static Figures of(Map<String, Figures> figures, String departmentCode) {
    return figures.computeIfAbsent(departmentCode, code -> new Figures());
  }

  private static MapSqlParameterSource parameters(
      ReviewPeriod period, Instant asOf, String departmentCode) {
    return new MapSqlParameterSource()
        .addValue("from", period.from(), Types.DATE)
        .addValue("to", period.to(), Types.DATE)
        .addValue(
            "as_of",
            asOf == null ? null : asOf.atOffset(ZoneOffset.UTC),
            Types.TIMESTAMP_WITH_TIMEZONE)
        .addValue("department", departmentCode, Types.VARCHAR);
  }
}
