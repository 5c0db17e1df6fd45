package fr.passerelle.benefits.beneficiary.query;

import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.Territory;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the beneficiaries' rights and employments into {@code beneficiary_rights} and {@code
 * beneficiary_employment}, and answers {@link FindBeneficiaryQuery}. Every write is idempotent, so
 * a replay of the event store rebuilds the same rows.
 */
@Component
@ProcessingGroup(BeneficiaryRightsProjection.PROCESSING_GROUP)
public class BeneficiaryRightsProjection {

  public static final String PROCESSING_GROUP = "beneficiary-rights";

  private final JdbcTemplate jdbc;

  BeneficiaryRightsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(BeneficiaryRegistered event) {
    jdbc.update(
        """
        INSERT INTO beneficiary_rights (dossier_id, department_code, association_id)
        VALUES (?, ?, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.associationId());
  }

  @EventHandler
  void on(PermitIssued event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET permit_valid_from = ?, permit_valid_until = ?"
            + " WHERE dossier_id = ?",
        Date.valueOf(event.validFrom()),
        Date.valueOf(event.validUntil()),
        event.dossierId());
  }

  @EventHandler
  void on(AfisGranted event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET afis_granted = TRUE, afis_monthly_amount_cents = ?,"
            + " afis_territory = ?, afis_refusal_reason = NULL WHERE dossier_id = ?",
        event.monthlyAmountCents(),
        event.territory().name(),
        event.dossierId());
  }

  @EventHandler
  void on(AfisRefused event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET afis_granted = FALSE, afis_monthly_amount_cents = NULL,"
            + " afis_territory = NULL, afis_refusal_reason = ? WHERE dossier_id = ?",
        event.reason().name(),
        event.dossierId());
  }

  @EventHandler
  void on(EmploymentRecorded event, @SequenceNumber long sequenceNumber) {
    jdbc.update(
        """
        INSERT INTO beneficiary_employment
          (dossier_id, sequence_number, contract_type, start_date, weekly_hours)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, sequence_number) DO NOTHING
        """,
        event.dossierId(),
        sequenceNumber,
        event.contractType().name(),
        Date.valueOf(event.startDate()),
        event.weeklyHours());
  }

  @QueryHandler
  Optional<BeneficiaryView> handle(FindBeneficiaryQuery query) {
    List<BeneficiaryView> found =
        jdbc.query(
            "SELECT * FROM beneficiary_rights"
                + " WHERE dossier_id = ? AND department_code = ? AND afis_granted IS NOT NULL",
            (row, n) -> view(row, List.of()),
            query.dossierId(),
            query.departmentCode());
    return found.stream()
        .findFirst()
        .map(
            rights ->
                new BeneficiaryView(
                    rights.dossierId(),
                    rights.departmentCode(),
                    rights.associationId(),
                    rights.permit(),
                    rights.afis(),
                    employmentsOf(rights.dossierId())));
  }

  private List<BeneficiaryView.Employment> employmentsOf(String dossierId) {
    return jdbc.query(
        "SELECT contract_type, start_date, weekly_hours FROM beneficiary_employment"
            + " WHERE dossier_id = ? ORDER BY start_date, sequence_number",
        (row, n) ->
            new BeneficiaryView.Employment(
                ContractType.valueOf(row.getString("contract_type")),
                row.getDate("start_date").toLocalDate(),
                row.getBigDecimal("weekly_hours")),
        dossierId);
  }

  private static BeneficiaryView view(ResultSet row, List<BeneficiaryView.Employment> employments)
      throws SQLException {
    LocalDate permitFrom = localDate(row, "permit_valid_from");
    BeneficiaryView.Permit permit =
        permitFrom == null
            ? null
            : new BeneficiaryView.Permit(permitFrom, localDate(row, "permit_valid_until"));
    BeneficiaryView.Afis afis =
        row.getBoolean("afis_granted")
            ? BeneficiaryView.Afis.granted(
                row.getLong("afis_monthly_amount_cents"),
                Territory.valueOf(row.getString("afis_territory")))
            : BeneficiaryView.Afis.refused(
                AfisRefusalReason.valueOf(row.getString("afis_refusal_reason")));
    return new BeneficiaryView(
        row.getString("dossier_id"),
        row.getString("department_code"),
        row.getString("association_id"),
        permit,
        afis,
        employments);
  }

  private static LocalDate localDate(ResultSet row, String column) throws SQLException {
    Date date = row.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
