package fr.passerelle.reporting.benefits.projection;

import fr.passerelle.benefits.events.AfisEnded;
import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisPaid;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.benefits.events.AfisRenewed;
import fr.passerelle.benefits.events.AfisResumed;
import fr.passerelle.benefits.events.AfisSuspended;
import fr.passerelle.eventbus.consume.ReceivedEvent;
import fr.passerelle.reporting.facts.Recorded;
import fr.passerelle.reporting.readmodel.ReadModelRows;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Projects the AFIS files, one row per fact with when it was recorded: each grant ({@code
 * AfisGranted}: monthly amount, period), renewal with the pathway ({@code AfisRenewed}), suspension
 * and resumption from a month, end, payment of a month ({@code AfisPaid}), and refusal ({@code
 * AfisRefused}) with every unmet condition.
 */
@Component
public class AfisProjection {

  /** The projection's name, also its key in the inbox. */
  public static final String NAME = "afis";

  private final ReadModelRows rows;

  AfisProjection(ReadModelRows rows) {
    this.rows = rows;
  }

  public void on(AfisGranted event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO afis_grant
          (dossier_id, period_from, period_until, department_code, monthly_amount_cents, territory,
           event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, period_from) DO NOTHING
        """,
        event.dossierId(),
        event.from(),
        event.until(),
        event.departmentCode(),
        event.monthlyAmountCents(),
        event.territory().name(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  /**
   * A refusal keeps its first unmet condition and every one of them: refusals published before 0.3
   * named the first only, which is then the whole list.
   */
  public void on(AfisRefused event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    List<String> reasons = new ArrayList<>();
    reasons.add(event.reason().name());
    if (event.reasons() != null) {
      event.reasons().stream()
          .map(AfisRefusalReason::name)
          .filter(reason -> !reasons.contains(reason))
          .forEach(reasons::add);
    }
    rows.insert(
        """
        INSERT INTO afis_refusal
          (dossier_id, decided_on, department_code, reason, reasons, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, CAST(string_to_array(?, ',') AS VARCHAR(32)[]), ?, ?, ?)
        ON CONFLICT (dossier_id, decided_on) DO NOTHING
        """,
        event.dossierId(),
        event.decidedOn(),
        event.departmentCode(),
        event.reason().name(),
        String.join(",", reasons),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(AfisRenewed event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO afis_renewal
          (dossier_id, until, decided_on, department_code, event_id, recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, until) DO NOTHING
        """,
        event.dossierId(),
        event.until(),
        event.decidedOn(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  public void on(AfisSuspended event, ReceivedEvent received) {
    suspension(
        event.dossierId(),
        event.departmentCode(),
        event.fromMonth(),
        "SUSPENDED",
        event.decidedOn(),
        event.reason().name(),
        Recorded.of(received));
  }

  public void on(AfisResumed event, ReceivedEvent received) {
    suspension(
        event.dossierId(),
        event.departmentCode(),
        event.fromMonth(),
        "RESUMED",
        event.decidedOn(),
        null,
        Recorded.of(received));
  }

  public void on(AfisEnded event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO afis_end
          (dossier_id, ended_on, reason, decided_on, department_code, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, ended_on, reason) DO NOTHING
        """,
        event.dossierId(),
        event.endedOn(),
        event.reason().name(),
        event.decidedOn(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  /** The month's payment, by the month paid for: the one-off aids paid with it are not AFIS. */
  public void on(AfisPaid event, ReceivedEvent received) {
    Recorded recorded = Recorded.of(received);
    rows.insert(
        """
        INSERT INTO afis_payment
          (dossier_id, month, amount_cents, paid_on, department_code, event_id, recorded_at,
           received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, month) DO NOTHING
        """,
        event.dossierId(),
        event.month().atDay(1),
        event.amountCents(),
        event.paidOn(),
        event.departmentCode(),
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }

  private void suspension(
      String dossierId,
      String departmentCode,
      YearMonth fromMonth,
      String kind,
      LocalDate decidedOn,
      String reason,
      Recorded recorded) {
    rows.insert(
        """
        INSERT INTO afis_suspension
          (dossier_id, from_month, kind, decided_on, reason, department_code, event_id,
           recorded_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dossier_id, from_month, kind) DO NOTHING
        """,
        dossierId,
        fromMonth.atDay(1),
        kind,
        decidedOn,
        reason,
        departmentCode,
        recorded.eventId(),
        recorded.recordedAt(),
        recorded.receivedAt());
  }
}
