package fr.passerelle.dossier.retention;

import fr.passerelle.dossier.intake.api.AnnounceErasureCommand;
import fr.passerelle.dossier.intake.api.EraseExpiredDataCommand;
import fr.passerelle.dossier.retention.RetentionPolicy.Erase;
import fr.passerelle.dossier.retention.RetentionPolicy.Next;
import fr.passerelle.dossier.retention.RetentionPolicy.Warn;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily retention job: for each dossier whose period ends soon, the warning to its association,
 * then, once the announced day has come, the erasure. Each dossier in its own transaction, so that
 * one that fails (changed meanwhile, say) stops no other; the dossier's own rules make a second
 * run, or a run on another instance at the same time, do nothing more.
 */
@Component
public class RetentionSweep {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

  private final RetentionSchedule schedule;
  private final RetentionPolicy policy;
  private final CommandGateway commands;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RetentionSweep(
      RetentionSchedule schedule,
      RetentionPolicy policy,
      CommandGateway commands,
      TransactionTemplate transactions,
      Clock clock) {
    this.schedule = schedule;
    this.policy = policy;
    this.commands = commands;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a sweep did. */
  public record Outcome(int warned, int erased, int failed) {}

  /** Runs today's step of every dossier that needs one, today read from the clock. */
  public Outcome sweep() {
    LocalDate today = LocalDate.now(clock);
    int warned = 0;
    int erased = 0;
    int failed = 0;
    for (RetentionSchedule.Entry entry : schedule.toLookAt(policy, today)) {
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
    if (warned + erased + failed > 0) {
      LOG.info("Retention: {} warned, {} erased, {} failed", warned, erased, failed);
    }
    return new Outcome(warned, erased, failed);
  }
}
