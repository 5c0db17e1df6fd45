package fr.passerelle.dossier.erasure.web;

import fr.passerelle.dossier.intake.api.ConfirmErasureCommand;
import fr.passerelle.dossier.intake.api.RequestErasureCommand;
import fr.passerelle.dossier.intake.command.UnknownDossierException;
import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.route.AccessRecorder;
import fr.passerelle.edge.security.PasserelleUser;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The erasure use cases: the dossier's event, the vault's erasure (in the event's transaction) and
 * the access log's entry commit together. A dossier unknown in the département is a 404 and changes
 * nothing.
 */
@Service
class ErasureRequests {

  private final Commands commands;
  private final DossierSummaries summaries;
  private final AccessRecorder accessLog;

  ErasureRequests(Commands commands, DossierSummaries summaries, AccessRecorder accessLog) {
    this.commands = commands;
    this.summaries = summaries;
    this.accessLog = accessLog;
  }

  @Transactional
  void request(
      String departmentCode, String dossierId, PasserelleUser caller, LocalDate receivedOn) {
    requireDossier(departmentCode, dossierId);
    commands.send(
        new RequestErasureCommand(dossierId, departmentCode, caller.username(), receivedOn));
    accessLog.written(dossierId);
  }

  @Transactional
  void confirm(String departmentCode, String dossierId, PasserelleUser caller) {
    requireDossier(departmentCode, dossierId);
    commands.send(new ConfirmErasureCommand(dossierId, departmentCode, caller.username()));
    accessLog.written(dossierId);
  }

  private void requireDossier(String departmentCode, String dossierId) {
    if (summaries.find(departmentCode, dossierId).isEmpty()) {
      throw new UnknownDossierException();
    }
  }
}
