package fr.passerelle.benefits.payment.execution;

import fr.passerelle.benefits.beneficiary.api.PayAfisCommand;
import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.payment.api.PaymentLineScheduled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pays the lines of confirmed payment runs, one line per transaction: the beneficiary's payment,
 * the line's outcome and the processor's progress (its token) commit together. A restart in the
 * middle of a run resumes at the first line not committed; a line paid again finds its month paid
 * and pays nothing (ADR 28). Nothing is created or lost.
 */
@Component
@ProcessingGroup(PaymentRunExecutor.PROCESSING_GROUP)
public class PaymentRunExecutor {

  public static final String PROCESSING_GROUP = "afis-payment-execution";

  private final CommandGateway commands;
  private final JdbcTemplate jdbc;

  PaymentRunExecutor(CommandGateway commands, JdbcTemplate jdbc) {
    this.commands = commands;
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(PaymentLineScheduled line) {
    PaymentOutcome outcome =
        commands.sendAndWait(
            new PayAfisCommand(
                line.dossierId(),
                line.departmentCode(),
                line.month(),
                line.runId(),
                line.confirmedOn()));
    jdbc.update(
        """
        INSERT INTO afis_payment_run_line (run_id, dossier_id, outcome, paid_cents)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (run_id, dossier_id) DO NOTHING
        """,
        line.runId(),
        line.dossierId(),
        outcome.status().name(),
        outcome.paidCents());
  }
}
