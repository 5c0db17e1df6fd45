package fr.passerelle.benefits.beneficiary.query;

import fr.passerelle.benefits.beneficiary.api.AfisEnded;
import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisOverpaymentRecorded;
import fr.passerelle.benefits.beneficiary.api.AfisPaid;
import fr.passerelle.benefits.beneficiary.api.AfisReassessed;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.AfisRenewed;
import fr.passerelle.benefits.beneficiary.api.AfisRequested;
import fr.passerelle.benefits.beneficiary.api.AfisResumed;
import fr.passerelle.benefits.beneficiary.api.AfisSuspended;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.EmploymentEnded;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.HousingStepRecorded;
import fr.passerelle.benefits.beneficiary.api.PathwayEnded;
import fr.passerelle.benefits.beneficiary.api.PathwayRenewed;
import fr.passerelle.benefits.beneficiary.api.PermitEnded;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.beneficiary.api.PermitRefused;
import fr.passerelle.benefits.beneficiary.api.PermitRenewed;
import fr.passerelle.benefits.beneficiary.api.TrainingEnded;
import fr.passerelle.benefits.beneficiary.api.TrainingRecorded;
import fr.passerelle.benefits.events.AfisRefusalReason;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the beneficiaries' pathways, rights, payments and outcomes into the {@code
 * beneficiary_*} tables. Every write is idempotent (keyed by the event's place in the beneficiary's
 * history, or setting what the event says), so a replay rebuilds the same rows. {@link
 * BeneficiaryRights} reads them.
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
        INSERT INTO beneficiary_rights (dossier_id, department_code, association_id, nationality,
          pathway_decided_on, pathway_start, pathway_end)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id) DO NOTHING
        """,
        event.dossierId(),
        event.departmentCode(),
        event.associationId(),
        event.nationality(),
        date(event.decidedOn()),
        date(event.startDate()),
        date(event.endDate()));
  }

  @EventHandler
  void on(PathwayRenewed event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET pathway_end = ? WHERE dossier_id = ?",
        date(event.endDate()),
        event.dossierId());
  }

  @EventHandler
  void on(PathwayEnded event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET pathway_last_day = ? WHERE dossier_id = ?",
        date(event.lastDay()),
        event.dossierId());
  }

  @EventHandler
  void on(PermitIssued event) {
    jdbc.update(
        """
        UPDATE beneficiary_rights SET permit_valid_from = ?, permit_valid_until = ?,
          permit_decided_on = ?, permit_ended_on = NULL, permit_end_reason = NULL
        WHERE dossier_id = ?
        """,
        date(event.validFrom()),
        date(event.validUntil()),
        date(event.decidedOn()),
        event.dossierId());
  }

  @EventHandler
  void on(PermitRenewed event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET permit_valid_until = ?, permit_decided_on = ?"
            + " WHERE dossier_id = ?",
        date(event.validUntil()),
        date(event.decidedOn()),
        event.dossierId());
  }

  @EventHandler
  void on(PermitRefused event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET permit_refused_on = ?, permit_refusal = ?,"
            + " permit_refusal_renewal = ? WHERE dossier_id = ?",
        date(event.decidedOn()),
        event.reason().name(),
        event.renewal(),
        event.dossierId());
  }

  @EventHandler
  void on(PermitEnded event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET permit_ended_on = ?, permit_end_reason = ?"
            + " WHERE dossier_id = ?",
        date(event.endedOn()),
        event.reason().name(),
        event.dossierId());
  }

  @EventHandler
  void on(AfisRequested event) {
    jdbc.update(
        """
        INSERT INTO beneficiary_afis_request (request_id, dossier_id, requested_on, children)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (request_id) DO NOTHING
        """,
        event.requestId(),
        event.dossierId(),
        date(event.requestedOn()),
        event.children());
  }

  @EventHandler
  void on(AfisGranted event) {
    jdbc.update(
        """
        UPDATE beneficiary_rights SET afis_granted = TRUE, afis_monthly_amount_cents = ?,
          afis_territory = ?, afis_refusal_reason = NULL, afis_from = ?, afis_until = ?,
          afis_decided_on = ?
        WHERE dossier_id = ?
        """,
        event.monthlyAmountCents(),
        event.territory().name(),
        date(event.from()),
        date(event.until()),
        date(event.decidedOn()),
        event.dossierId());
    if (event.requestId() != null) {
      jdbc.update(
          "UPDATE beneficiary_afis_request SET decided_on = ?, granted = TRUE"
              + " WHERE request_id = ?",
          date(event.decidedOn()),
          event.requestId());
    }
    if (event.children() != null) {
      jdbc.update(
          """
          INSERT INTO beneficiary_afis_household (dossier_id, from_month, children)
          VALUES (?, ?, ?)
          ON CONFLICT (dossier_id, from_month) DO UPDATE SET children = EXCLUDED.children
          """,
          event.dossierId(),
          month(YearMonth.from(event.from())),
          event.children());
    }
  }

  @EventHandler
  void on(AfisRefused event) {
    if (event.requestId() == null) {
      jdbc.update(
          "UPDATE beneficiary_rights SET afis_granted = FALSE, afis_refusal_reason = ?"
              + " WHERE dossier_id = ?",
          event.reason().name(),
          event.dossierId());
      return;
    }
    List<AfisRefusalReason> reasons =
        event.reasons() == null ? List.of(event.reason()) : event.reasons();
    jdbc.update(
        "UPDATE beneficiary_afis_request SET decided_on = ?, granted = FALSE, refusal_reasons = ?"
            + " WHERE request_id = ?",
        date(event.decidedOn()),
        reasons.stream().map(Enum::name).collect(Collectors.joining(",")),
        event.requestId());
  }

  @EventHandler
  void on(AfisRenewed event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET afis_until = ? WHERE dossier_id = ?",
        date(event.until()),
        event.dossierId());
  }

  @EventHandler
  void on(AfisReassessed event) {
    jdbc.update(
        """
        INSERT INTO beneficiary_afis_household (dossier_id, from_month, children)
        VALUES (?, ?, ?)
        ON CONFLICT (dossier_id, from_month) DO UPDATE SET children = EXCLUDED.children
        """,
        event.dossierId(),
        month(event.fromMonth()),
        event.children());
  }

  @EventHandler
  void on(AfisSuspended event) {
    jdbc.update(
        """
        INSERT INTO beneficiary_afis_suspension (dossier_id, from_month, decided_on, reason)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (dossier_id, from_month) DO NOTHING
        """,
        event.dossierId(),
        month(event.fromMonth()),
        date(event.decidedOn()),
        event.reason().name());
  }

  @EventHandler
  void on(AfisResumed event) {
    jdbc.update(
        "UPDATE beneficiary_afis_suspension SET until_month = ?"
            + " WHERE dossier_id = ? AND until_month IS NULL",
        month(event.fromMonth()),
        event.dossierId());
  }

  @EventHandler
  void on(AfisEnded event) {
    jdbc.update(
        "UPDATE beneficiary_rights SET afis_ended_on = ?, afis_end_reason = ?"
            + " WHERE dossier_id = ?",
        date(event.endedOn()),
        event.reason().name(),
        event.dossierId());
  }

  @EventHandler
  void on(AfisPaid event) {
    jdbc.update(
        """
        INSERT INTO beneficiary_afis_payment (dossier_id, month, department_code, amount_cents,
          full_month_amount_cents, children, scale_reference, one_off_aid_cents,
          one_off_aid_reference, payment_run_id, paid_on)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, month) DO NOTHING
        """,
        event.dossierId(),
        month(event.month()),
        event.departmentCode(),
        event.amountCents(),
        event.fullMonthAmountCents(),
        event.children(),
        event.scaleReference(),
        event.oneOffAidCents(),
        event.oneOffAidReference(),
        event.paymentRunId(),
        date(event.paidOn()));
  }

  @EventHandler
  void on(AfisOverpaymentRecorded event, @SequenceNumber long sequenceNumber) {
    for (AfisOverpaymentRecorded.Overpaid month : event.months()) {
      jdbc.update(
          """
          INSERT INTO beneficiary_afis_overpayment
            (dossier_id, sequence_number, month, amount_cents, recorded_on)
          VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (dossier_id, sequence_number, month) DO NOTHING
          """,
          event.dossierId(),
          sequenceNumber,
          month(month.month()),
          month.amountCents(),
          date(event.recordedOn()));
    }
  }

  @EventHandler
  void on(EmploymentRecorded event, @SequenceNumber long sequenceNumber) {
    jdbc.update(
        """
        INSERT INTO beneficiary_employment
          (dossier_id, sequence_number, contract_type, start_date, weekly_hours, employment_id,
           end_date)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, sequence_number) DO NOTHING
        """,
        event.dossierId(),
        sequenceNumber,
        event.contractType().name(),
        date(event.startDate()),
        event.weeklyHours(),
        event.employmentId(),
        date(event.endDate()));
  }

  @EventHandler
  void on(EmploymentEnded event) {
    jdbc.update(
        "UPDATE beneficiary_employment SET ended_on = ? WHERE employment_id = ?",
        date(event.endDate()),
        event.employmentId());
  }

  @EventHandler
  void on(TrainingRecorded event) {
    jdbc.update(
        """
        INSERT INTO beneficiary_training
          (training_id, dossier_id, start_date, end_date, weekly_hours)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (training_id) DO NOTHING
        """,
        event.trainingId(),
        event.dossierId(),
        date(event.startDate()),
        date(event.endDate()),
        event.weeklyHours());
  }

  @EventHandler
  void on(TrainingEnded event) {
    jdbc.update(
        "UPDATE beneficiary_training SET ended_on = ? WHERE training_id = ?",
        date(event.endDate()),
        event.trainingId());
  }

  @EventHandler
  void on(HousingStepRecorded event, @SequenceNumber long sequenceNumber) {
    jdbc.update(
        """
        INSERT INTO beneficiary_housing (dossier_id, sequence_number, step, from_date)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (dossier_id, sequence_number) DO NOTHING
        """,
        event.dossierId(),
        sequenceNumber,
        event.step().name(),
        date(event.from()));
  }

  static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  /** A month as stored: its first day. */
  static Date month(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }
}
