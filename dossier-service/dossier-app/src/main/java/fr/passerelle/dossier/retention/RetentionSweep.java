package fr.passerelle.dossier.retention;

import fr.passerelle.dossier.intake.api.AnnounceErasureCommand;
import fr.passerelle.dossier.intake.api.EraseExpiredDataCommand;
import fr.passerelle.dossier.retention.RetentionPolicy.Erase;
import fr.passerelle.dossier.retention.RetentionPolicy.Next;
import fr.passerelle.dossier.retention.RetentionPolicy.Warn;
import fr.passerelle.edge.DepartmentCode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily retention job: for each dossier whose period ends soon, the warning to its association,
 * then, once the announced day has come, the erasure. Each dossier in its own transaction, so that
 * one that fails (changed meanwhile, say) stops no other; the dossier's own rules make a second
 * run, or a run on another instance at the same time, do nothing more. Each run is recorded, counts
 * only, in {@code retention_sweep_run}; {@link DailyRetention} runs it once a day.
 *
 * <p>Each dossier's day is its département's: run once a day, the sweep warns and erases on the day
 * announced in the département's zone, whichever hour of that day the run falls at there.
 */
@Component
public class RetentionSweep {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

  private final RetentionSchedule schedule;
  private final RetentionPolicy policy;
  private final CommandGateway commands;
  private final TransactionTemplate transactions;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  RetentionSweep(
      RetentionSchedule schedule,
      RetentionPolicy policy,
      CommandGateway commands,
      TransactionTemplate transactions,
      JdbcTemplate jdbc,
      Clock clock) {
    this.schedule = schedule;
    this.policy = policy;
    this.commands = commands;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a sweep did. */
  public record Outcome(int warned, int erased, int failed) {}

  /**
   * Runs today's step of every dossier that needs one, today read from the clock in each dossier's
   * département.
   */
  public Outcome sweep() {
    Instant startedAt = clock.instant();
    int warned = 0;
    int erased = 0;
    int failed = 0;
    for (String departmentCode : schedule.departments()) {
      LocalDate today = DepartmentCode.today(departmentCode, clock);
      for (RetentionSchedule.Entry entry : schedule.toLookAt(policy, departmentCode, today)) {
        Next next = policy.next(entry.facts(), today);
        Object command;
        if (next instanceof Warn warn) {
          command = new AnnounceErasureCommand(entry.dossierId(), warn.erasureOn(), warn.reason());
        } else if (next instanceof Erase erase) {
          command = new EraseExpiredDataCommand(entry.dossierId(), erase.reason());
        } else {
          continue;
        }
        try {
          transactions.executeWithoutResult(status -> commands.sendAndWait(command));
          if (next instanceof Warn) {
            warned++;
          } else {
            erased++;
          }
        } catch (RuntimeException e) {
          failed++;
          LOG.warn(
              "Retention: dossier {} not handled today ({})",
              entry.dossierId(),
              e.getClass().getSimpleName());
        }
      }
    }
    if (warned + erased + failed > 0) {
      LOG.info("Retention: {} warned, {} erased, {} failed", warned, erased, failed);
    }
    jdbc.update(
        """
        INSERT INTO retention_sweep_run (run_id, swept_on, started_at, warned, erased, failed)
        VALUES (?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID(),
        // the run is the platform's, dated in its zone
        Date.valueOf(LocalDate.ofInstant(startedAt, clock.getZone())),
        Timestamp.from(startedAt),
        warned,
        erased,
        failed);
    return new Outcome(warned, erased, failed);
  }
}
