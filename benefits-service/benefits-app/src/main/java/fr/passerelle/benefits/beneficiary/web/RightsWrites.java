package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.command.UnknownBeneficiaryException;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.route.AccessRecorder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a decision on a beneficiary's rights and records the write in the access log, in one
 * transaction: the decision's events and its log entry commit together, or neither does.
 */
@Component
class RightsWrites {

  private final Commands commands;
  private final AccessRecorder accessLog;

  RightsWrites(Commands commands, AccessRecorder accessLog) {
    this.commands = commands;
    this.accessLog = accessLog;
  }

  /** Sends {@code command} to the beneficiary {@code dossierId} and returns its answer. */
  @Transactional
  <R> R decide(String dossierId, Object command) {
    R result = commands.send(command, UnknownBeneficiaryException::new);
    accessLog.written(dossierId);
    return result;
  }

  /** Sends an outcome's {@code command}: not a right, not logged. */
  <R> R record(Object command) {
    return commands.send(command, UnknownBeneficiaryException::new);
  }
}
