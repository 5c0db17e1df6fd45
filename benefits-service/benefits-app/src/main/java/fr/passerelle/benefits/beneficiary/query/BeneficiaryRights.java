package fr.passerelle.benefits.beneficiary.query;

import static fr.passerelle.benefits.beneficiary.query.BeneficiaryRightsProjection.date;
import static fr.passerelle.benefits.beneficiary.query.BeneficiaryRightsProjection.month;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.ExpiringPermit;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.benefits.beneficiary.api.FindExpiringPermitsQuery;
import fr.passerelle.benefits.beneficiary.command.AfisRight;
import fr.passerelle.benefits.events.AfisEndReason;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.AfisStopReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what {@link BeneficiaryRightsProjection} keeps: a beneficiary's whole view, the permits
 * about to expire, and the AFIS rights a month's payment run covers, rebuilt as the same {@link
 * AfisRight} the beneficiary holds, so that a preview computes what the run will pay.
 */
@Component
public class BeneficiaryRights {

  private final JdbcTemplate jdbc;

  BeneficiaryRights(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @QueryHandler
  Optional<BeneficiaryView> handle(FindBeneficiaryQuery query) {
    return jdbc
        .query(
            "SELECT * FROM beneficiary_rights WHERE dossier_id = ? AND department_code = ?",
            (row, n) -> view(row),
            query.dossierId(),
            query.departmentCode())
        .stream()
        .findFirst();
  }

  /** Permits in force whose validity ends between {@code query.from()} and {@code query.to()}. */
  @QueryHandler
  List<ExpiringPermit> handle(FindExpiringPermitsQuery query) {
    return jdbc.query(
        """
        SELECT dossier_id, association_id, permit_valid_from, permit_valid_until, pathway_end,
          pathway_last_day
        FROM beneficiary_rights
        WHERE department_code = ? AND permit_ended_on IS NULL
          AND permit_valid_until BETWEEN ? AND ?
        ORDER BY permit_valid_until, dossier_id
        """,
        (row, n) -> {
          LocalDate until = localDate(row, "permit_valid_until");
          LocalDate pathwayEnd = localDate(row, "pathway_end");
          return new ExpiringPermit(
              row.getString("dossier_id"),
              row.getString("association_id"),
              localDate(row, "permit_valid_from"),
              until,
              pathwayEnd,
              localDate(row, "pathway_last_day") == null
                  && pathwayEnd != null
                  && pathwayEnd.isAfter(until));
        },
        query.departmentCode(),
        date(query.from()),
        date(query.to()));
  }

  /**
   * The AFIS rights of {@code departmentCode} whose period reaches {@code month}, in dossier order,
   * each with whether the month is paid already.
   */
  public List<RightInMonth> rightsReaching(String departmentCode, YearMonth month) {
    return jdbc.query(
        """
        SELECT r.dossier_id, r.afis_territory, r.afis_from, r.afis_until, r.afis_ended_on,
          EXISTS (SELECT 1 FROM beneficiary_afis_payment p
                  WHERE p.dossier_id = r.dossier_id AND p.month = ?) AS paid
        FROM beneficiary_rights r
        WHERE r.department_code = ? AND r.afis_from IS NOT NULL AND r.afis_from <= ?
          AND COALESCE(LEAST(r.afis_ended_on, r.afis_until), r.afis_until) >= ?
        ORDER BY r.dossier_id
        """,
        (row, n) ->
            new RightInMonth(
                row.getString("dossier_id"),
                afisRight(
                    row.getString("dossier_id"),
                    Territory.valueOf(row.getString("afis_territory")),
                    localDate(row, "afis_from"),
                    localDate(row, "afis_until"),
                    localDate(row, "afis_ended_on")),
                row.getBoolean("paid")),
        month(month),
        departmentCode,
        date(month.atEndOfMonth()),
        month(month));
  }

  /** An AFIS right of a département and whether the month asked for is paid. */
  public record RightInMonth(String dossierId, AfisRight right, boolean paid) {}

  private AfisRight afisRight(
      String dossierId, Territory territory, LocalDate from, LocalDate until, LocalDate endedOn) {
    NavigableMap<YearMonth, Integer> household = new TreeMap<>();
    jdbc.query(
        "SELECT from_month, children FROM beneficiary_afis_household WHERE dossier_id = ?",
        row -> {
          household.put(YearMonth.from(localDate(row, "from_month")), row.getInt("children"));
        },
        dossierId);
    List<AfisRight.Suspension> suspensions =
        jdbc.query(
            "SELECT from_month, until_month FROM beneficiary_afis_suspension"
                + " WHERE dossier_id = ? ORDER BY from_month",
            (row, n) ->
                new AfisRight.Suspension(
                    YearMonth.from(localDate(row, "from_month")),
                    Optional.ofNullable(localDate(row, "until_month"))
                        .map(YearMonth::from)
                        .orElse(null)),
            dossierId);
    return new AfisRight(territory, from, until, endedOn, household, suspensions);
  }

  private BeneficiaryView view(ResultSet row) throws SQLException {
    String dossierId = row.getString("dossier_id");
    return new BeneficiaryView(
        dossierId,
        row.getString("department_code"),
        row.getString("association_id"),
        localDate(row, "pathway_start") == null
            ? null
            : new BeneficiaryView.Pathway(
                localDate(row, "pathway_decided_on"),
                localDate(row, "pathway_start"),
                localDate(row, "pathway_end"),
                localDate(row, "pathway_last_day")),
        permit(row),
        afis(row, dossierId),
        employments(dossierId),
        trainings(dossierId),
        housing(dossierId));
  }

  private static BeneficiaryView.Permit permit(ResultSet row) throws SQLException {
    LocalDate validFrom = localDate(row, "permit_valid_from");
    String refusal = row.getString("permit_refusal");
    if (validFrom == null && refusal == null) {
      return null;
    }
    LocalDate endedOn = localDate(row, "permit_ended_on");
    String endReason = row.getString("permit_end_reason");
    return new BeneficiaryView.Permit(
        validFrom == null ? "REFUSED" : endedOn == null ? "ISSUED" : "ENDED",
        localDate(row, "permit_decided_on"),
        validFrom,
        localDate(row, "permit_valid_until"),
        endedOn,
        endReason == null ? null : PermitEndReason.valueOf(endReason),
        refusal == null
            ? null
            : new BeneficiaryView.PermitRefusal(
                localDate(row, "permit_refused_on"),
                PermitRefusalReason.valueOf(refusal),
                row.getBoolean("permit_refusal_renewal")));
  }

  private BeneficiaryView.Afis afis(ResultSet row, String dossierId) throws SQLException {
    List<BeneficiaryView.Request> requests =
        jdbc.query(
            "SELECT * FROM beneficiary_afis_request WHERE dossier_id = ?"
                + " ORDER BY requested_on, request_id",
            (r, n) -> {
              String reasons = r.getString("refusal_reasons");
              return new BeneficiaryView.Request(
                  r.getString("request_id"),
                  localDate(r, "requested_on"),
                  r.getInt("children"),
                  localDate(r, "decided_on"),
                  (Boolean) r.getObject("granted"),
                  reasons == null
                      ? null
                      : Arrays.stream(reasons.split(",")).map(AfisRefusalReason::valueOf).toList());
            },
            dossierId);
    LocalDate from = localDate(row, "afis_from");
    if (requests.isEmpty() && from == null) {
      return null;
    }
    List<BeneficiaryView.Suspension> suspensions =
        jdbc.query(
            "SELECT * FROM beneficiary_afis_suspension WHERE dossier_id = ? ORDER BY from_month",
            (r, n) ->
                new BeneficiaryView.Suspension(
                    YearMonth.from(localDate(r, "from_month")),
                    Optional.ofNullable(localDate(r, "until_month"))
                        .map(YearMonth::from)
                        .orElse(null),
                    localDate(r, "decided_on"),
                    AfisStopReason.valueOf(r.getString("reason"))),
            dossierId);
    LocalDate endedOn = localDate(row, "afis_ended_on");
    String territory = row.getString("afis_territory");
    String endReason = row.getString("afis_end_reason");
    return new BeneficiaryView.Afis(
        status(requests, from, endedOn, suspensions),
        territory == null ? null : Territory.valueOf(territory),
        localDate(row, "afis_decided_on"),
        from,
        localDate(row, "afis_until"),
        endedOn,
        endReason == null ? null : AfisEndReason.valueOf(endReason),
        requests,
        jdbc.query(
            "SELECT from_month, children FROM beneficiary_afis_household WHERE dossier_id = ?"
                + " ORDER BY from_month",
            (r, n) ->
                new BeneficiaryView.Household(
                    YearMonth.from(localDate(r, "from_month")), r.getInt("children")),
            dossierId),
        suspensions,
        jdbc.query(
            "SELECT * FROM beneficiary_afis_payment WHERE dossier_id = ? ORDER BY month",
            (r, n) ->
                new BeneficiaryView.Payment(
                    YearMonth.from(localDate(r, "month")),
                    r.getLong("amount_cents"),
                    r.getLong("full_month_amount_cents"),
                    r.getInt("children"),
                    r.getString("scale_reference"),
                    (Long) r.getObject("one_off_aid_cents"),
                    r.getString("one_off_aid_reference"),
                    r.getString("payment_run_id"),
                    localDate(r, "paid_on")),
            dossierId),
        jdbc.query(
            "SELECT month, amount_cents, recorded_on FROM beneficiary_afis_overpayment"
                + " WHERE dossier_id = ? ORDER BY sequence_number, month",
            (r, n) ->
                new BeneficiaryView.Overpayment(
                    YearMonth.from(localDate(r, "month")),
                    r.getLong("amount_cents"),
                    localDate(r, "recorded_on")),
            dossierId));
  }

  private static String status(
      List<BeneficiaryView.Request> requests,
      LocalDate from,
      LocalDate endedOn,
      List<BeneficiaryView.Suspension> suspensions) {
    if (from != null) {
      if (endedOn != null) {
        return "ENDED";
      }
      boolean suspended =
          !suspensions.isEmpty() && suspensions.get(suspensions.size() - 1).untilMonth() == null;
      return suspended ? "SUSPENDED" : "GRANTED";
    }
    boolean pending = requests.stream().anyMatch(request -> request.decidedOn() == null);
    return pending ? "REQUESTED" : "REFUSED";
  }

  private List<BeneficiaryView.Employment> employments(String dossierId) {
    return jdbc.query(
        "SELECT * FROM beneficiary_employment WHERE dossier_id = ?"
            + " ORDER BY start_date, sequence_number",
        (row, n) ->
            new BeneficiaryView.Employment(
                row.getString("employment_id"),
                ContractType.valueOf(row.getString("contract_type")),
                localDate(row, "start_date"),
                row.getBigDecimal("weekly_hours"),
                localDate(row, "end_date"),
                localDate(row, "ended_on")),
        dossierId);
  }

  private List<BeneficiaryView.Training> trainings(String dossierId) {
    return jdbc.query(
        "SELECT * FROM beneficiary_training WHERE dossier_id = ? ORDER BY start_date, training_id",
        (row, n) ->
            new BeneficiaryView.Training(
                row.getString("training_id"),
                localDate(row, "start_date"),
                localDate(row, "end_date"),
                row.getBigDecimal("weekly_hours"),
                localDate(row, "ended_on")),
        dossierId);
  }

  private List<BeneficiaryView.Housing> housing(String dossierId) {
    return jdbc.query(
        "SELECT step, from_date FROM beneficiary_housing WHERE dossier_id = ?"
            + " ORDER BY sequence_number",
        (row, n) ->
            new BeneficiaryView.Housing(
                HousingStep.valueOf(row.getString("step")), localDate(row, "from_date")),
        dossierId);
  }

  static LocalDate localDate(ResultSet row, String column) throws SQLException {
    java.sql.Date date = row.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
