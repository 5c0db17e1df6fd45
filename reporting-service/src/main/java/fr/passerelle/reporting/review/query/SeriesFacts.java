package fr.passerelle.reporting.review.query;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes each département's figures month by month from the projected facts, as the platform
 * knows them now, in one query per kind of fact grouped by month and département. A month's figure
 * is the one the review of that month alone gives (its last day as the period's end): the same
 * definitions, on the domain dates users entered.
 */
@Component
class SeriesFacts {

  /** The months asked for, each with its first and last day. */
  private static final String MONTHS =
      """
      WITH month AS (
        SELECT CAST(m AS DATE) AS first_day,
               CAST(m + INTERVAL '1 month' - INTERVAL '1 day' AS DATE) AS month_end
        FROM generate_series(CAST(:from AS DATE), CAST(:to AS DATE), INTERVAL '1 month') AS m
      )
      """;

  /** The dossier's pathway was validated by a day (the month's end). */
  private static final String BENEFICIARY_BY =
      """
      EXISTS (SELECT 1 FROM pathway_decision validation
              WHERE validation.dossier_id = %1$s.dossier_id
                AND validation.outcome = 'VALIDATED'
                AND validation.decided_on <= %2$s)
      """;

  private final NamedParameterJdbcTemplate jdbc;

  SeriesFacts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The figures of {@code departmentCode}, or of every département with any (a null département),
   * by month, then by département code. A month or a département without any fact is absent.
   */
  Map<YearMonth, Map<String, MonthFigures>> figures(
      YearMonth from, YearMonth to, String departmentCode) {
    MapSqlParameterSource parameters =
        new MapSqlParameterSource()
            .addValue("from", from.atDay(1), Types.DATE)
            .addValue("to", to.atDay(1), Types.DATE)
            .addValue("as_of", null, Types.TIMESTAMP_WITH_TIMEZONE)
            .addValue("department", departmentCode, Types.VARCHAR);
    Map<YearMonth, Map<String, MonthFigures>> figures = new TreeMap<>();
    pathwaysInProgress(parameters, figures);
    employment(parameters, figures);
    afisPaid(parameters, figures);
    return figures;
  }

  /**
   * Pathways in progress at each month's end: a term authorised that runs that day, the pathway not
   * ended before it; a pathway is a dossier, however many terms it runs.
   */
  private void pathwaysInProgress(
      MapSqlParameterSource parameters, Map<YearMonth, Map<String, MonthFigures>> figures) {
    jdbc.query(
        MONTHS
            + """
            SELECT m.first_day, t.department_code, count(DISTINCT t.dossier_id) AS in_progress
            FROM month m
            JOIN pathway_term t ON t.start_date <= m.month_end AND t.end_date >= m.month_end
            WHERE %s AND NOT %s
            GROUP BY m.first_day, t.department_code
            """
                .formatted(
                    ReviewFacts.IN_SCOPE.formatted("t"),
                    ReviewFacts.ENDED_BEFORE.formatted("t", "m.month_end")),
        parameters,
        row -> {
          of(figures, row.getObject("first_day", LocalDate.class), row.getString(2))
              .pathwaysInProgress(row.getLong("in_progress"));
        });
  }

  /**
   * People in a job at each month's end (started on or before it, not ended before it; trainings
   * apart, those recorded as employments before trainings were recorded apart included), whose
   * pathway was validated by then: in any job, and in a job of each contract type.
   */
  private void employment(
      MapSqlParameterSource parameters, Map<YearMonth, Map<String, MonthFigures>> figures) {
    jdbc.query(
        MONTHS
            + """
            SELECT m.first_day, e.department_code, e.contract_type,
                   count(DISTINCT e.dossier_id) AS employed
            FROM (SELECT e.dossier_id, e.department_code, e.contract_type, e.start_date,
                         %s AS last_day
                  FROM employment e
                  WHERE e.contract_type <> 'TRAINING' AND %s) AS e
            JOIN month m ON e.start_date <= m.month_end
                        AND (e.last_day IS NULL OR e.last_day >= m.month_end)
            WHERE %s
            GROUP BY GROUPING SETS ((m.first_day, e.department_code),
                                    (m.first_day, e.department_code, e.contract_type))
            """
                .formatted(
                    ReviewFacts.LAST_DAY.formatted("e", "employment_end", "employment_id"),
                    ReviewFacts.IN_SCOPE.formatted("e"),
                    BENEFICIARY_BY.formatted("e", "m.month_end")),
        parameters,
        row -> {
          MonthFigures month =
              of(figures, row.getObject("first_day", LocalDate.class), row.getString(2));
          String contractType = row.getString("contract_type");
          if (contractType == null) {
            month.employed(row.getLong("employed"));
          } else {
            month.employedOn(contractType, row.getLong("employed"));
          }
        });
  }

  /**
   * The AFIS paid for each month (the month paid for, whenever the payment was made or recorded)
   * and the people paid for it, whose pathway was validated by the month's end.
   */
  private void afisPaid(
      MapSqlParameterSource parameters, Map<YearMonth, Map<String, MonthFigures>> figures) {
    jdbc.query(
        MONTHS
            + """
            SELECT m.first_day, p.department_code, count(DISTINCT p.dossier_id) AS paid,
                   coalesce(sum(p.amount_cents), 0) AS paid_cents
            FROM month m JOIN afis_payment p ON p.month = m.first_day
            WHERE %s AND %s
            GROUP BY m.first_day, p.department_code
            """
                .formatted(
                    ReviewFacts.IN_SCOPE.formatted("p"),
                    BENEFICIARY_BY.formatted("p", "m.month_end")),
        parameters,
        row -> {
          of(figures, row.getObject("first_day", LocalDate.class), row.getString(2))
              .afisPaid(row.getLong("paid"), row.getLong("paid_cents"));
        });
  }

  private static MonthFigures of(
      Map<YearMonth, Map<String, MonthFigures>> figures, LocalDate month, String departmentCode) {
    return figures
        .computeIfAbsent(YearMonth.from(month), m -> new TreeMap<>())
        .computeIfAbsent(departmentCode, code -> new MonthFigures());
  }
}
