package fr.passerelle.reporting.review.query;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes a year's figures from the projected facts, for one département or (with a null
 * département) for France, as the platform knew them at an instant (the facts recorded by then) or
 * now. Each fact counts where its own event placed it; a benefit counts only once its dossier's
 * pathway was validated, whichever event arrived first.
 */
@Component
class ReviewReadModel {

  /** Each dossier's last decision of the year: a later decision supersedes an earlier one. */
  private static final String LAST_DECISIONS =
      """
      WITH last_decision AS (
        SELECT DISTINCT ON (dossier_id)
               dossier_id, department_code, nationality, trafficking_victim, outcome
        FROM pathway_decision
        WHERE decided_on BETWEEN :first_day AND :last_day
          AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR recorded_at <= :as_of)
        ORDER BY dossier_id, decided_on DESC, outcome DESC
      )
      """;

  /** What was known at the review's instant: facts recorded by then (all of them, without one). */
  private static final String KNOWN =
      "(CAST(:as_of AS TIMESTAMPTZ) IS NULL OR %s.recorded_at <= :as_of)";

  /** The département filter; a null département means France. */
  private static final String IN_SCOPE =
      "(CAST(:department AS VARCHAR) IS NULL OR %s.department_code = :department)";

  /** The dossier's pathway was validated by the end of the year. */
  private static final String BENEFICIARY =
      """
      EXISTS (SELECT 1 FROM pathway_decision validation
              WHERE validation.dossier_id = %s.dossier_id
                AND validation.outcome = 'VALIDATED'
                AND validation.decided_on <= :last_day
                AND (CAST(:as_of AS TIMESTAMPTZ) IS NULL OR validation.recorded_at <= :as_of))
      """;

  private final NamedParameterJdbcTemplate jdbc;

  ReviewReadModel(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  ReviewFigures figures(int year, Instant asOf, String departmentCode) {
    MapSqlParameterSource parameters = parameters(year, asOf, departmentCode);
    Decisions decisions = decisions(parameters);
    Afis afis = afis(parameters);
    Employment employment = employment(parameters);
    return new ReviewFigures(
        decisions.studied(),
        decisions.validated(),
        decisions.refused(),
        decisions.traffickingVictims(),
        permitsIssued(parameters),
        afis.recipients(),
        afis.monthlyTotalCents(),
        employment.inEmployment(),
        employment.onCdi());
  }

  /** Validated pathways of the year in France. */
  long validatedInFrance(int year, Instant asOf) {
    return decisions(parameters(year, asOf, null)).validated();
  }

  /** Validated pathways of the year by nationality, most first, then by code. */
  Map<String, Long> validatedByNationality(int year, Instant asOf, String departmentCode) {
    return counts(
        LAST_DECISIONS
            + """
            SELECT nationality AS code, count(*) AS validated
            FROM last_decision d
            WHERE d.outcome = 'VALIDATED' AND %s
            GROUP BY nationality
            ORDER BY validated DESC, %s COLLATE "C"
            """
                .formatted(IN_SCOPE.formatted("d"), "nationality"),
        parameters(year, asOf, departmentCode));
  }

  /** Validated pathways of the year by département, most first, then by code. */
  Map<String, Long> validatedByDepartment(int year, Instant asOf) {
    return counts(
        LAST_DECISIONS
            + """
            SELECT department_code AS code, count(*) AS validated
            FROM last_decision
            WHERE outcome = 'VALIDATED'
            GROUP BY department_code
            ORDER BY validated DESC, department_code COLLATE "C"
            """,
        parameters(year, asOf, null));
  }

  private Decisions decisions(MapSqlParameterSource parameters) {
    return jdbc.queryForObject(
        LAST_DECISIONS
            + """
            SELECT count(*) AS studied,
                   count(*) FILTER (WHERE outcome = 'VALIDATED') AS validated,
                   count(*) FILTER (WHERE outcome = 'REFUSED') AS refused,
                   count(*) FILTER (WHERE outcome = 'VALIDATED' AND trafficking_victim)
                     AS trafficking_victims
            FROM last_decision d
            WHERE %s
            """
                .formatted(IN_SCOPE.formatted("d")),
        parameters,
        (row, n) ->
            new Decisions(
                row.getLong("studied"),
                row.getLong("validated"),
                row.getLong("refused"),
                row.getLong("trafficking_victims")));
  }

  private long permitsIssued(MapSqlParameterSource parameters) {
    return jdbc.queryForObject(
        """
        SELECT count(*)
        FROM residence_permit p
        WHERE p.valid_from BETWEEN :first_day AND :last_day AND %s AND %s AND %s
        """
            .formatted(IN_SCOPE.formatted("p"), KNOWN.formatted("p"), BENEFICIARY.formatted("p")),
        parameters,
        Long.class);
  }

  /** Recipients are dossiers; each counts with the amount of its latest grant of the year. */
  private Afis afis(MapSqlParameterSource parameters) {
    return jdbc.queryForObject(
        """
        SELECT count(*) AS recipients, coalesce(sum(monthly_amount_cents), 0) AS monthly_total
        FROM (SELECT DISTINCT ON (g.dossier_id) g.monthly_amount_cents
              FROM afis_grant g
              WHERE g.period_from <= :last_day AND g.period_until >= :first_day
                AND %s AND %s AND %s
              ORDER BY g.dossier_id, g.period_from DESC) AS recipient
        """
            .formatted(IN_SCOPE.formatted("g"), KNOWN.formatted("g"), BENEFICIARY.formatted("g")),
        parameters,
        (row, n) -> new Afis(row.getLong("recipients"), row.getLong("monthly_total")));
  }

  private Employment employment(MapSqlParameterSource parameters) {
    return jdbc.queryForObject(
        """
        SELECT count(*) AS in_employment, count(*) FILTER (WHERE on_cdi) AS on_cdi
        FROM (SELECT e.dossier_id, bool_or(e.contract_type = 'CDI') AS on_cdi
              FROM employment e
              WHERE e.start_date <= :last_day AND %s AND %s AND %s
              GROUP BY e.dossier_id) AS employed
        """
            .formatted(IN_SCOPE.formatted("e"), KNOWN.formatted("e"), BENEFICIARY.formatted("e")),
        parameters,
        (row, n) -> new Employment(row.getLong("in_employment"), row.getLong("on_cdi")));
  }

  private Map<String, Long> counts(String sql, MapSqlParameterSource parameters) {
    Map<String, Long> counts = new LinkedHashMap<>();
    RowCallbackHandler count = row -> counts.put(row.getString("code"), row.getLong("validated"));
    jdbc.query(sql, parameters, count);
    return counts;
  }

  private static MapSqlParameterSource parameters(int year, Instant asOf, String departmentCode) {
    return new MapSqlParameterSource()
        .addValue(
            "as_of",
            asOf == null ? null : asOf.atOffset(ZoneOffset.UTC),
            Types.TIMESTAMP_WITH_TIMEZONE)
        .addValue("first_day", LocalDate.of(year, 1, 1))
        .addValue("last_day", LocalDate.of(year, 12, 31))
        .addValue("department", departmentCode, Types.VARCHAR);
  }

  private record Decisions(long studied, long validated, long refused, long traffickingVictims) {}

  private record Afis(long recipients, long monthlyTotalCents) {}

  private record Employment(long inEmployment, long onCdi) {}
}
