package fr.passerelle.reporting.history.web;

import fr.passerelle.edge.refusal.NotFoundException;
import fr.passerelle.edge.route.AccessRecorder;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import fr.passerelle.reporting.history.query.DossierHistory;
import fr.passerelle.reporting.history.query.HistoryReadModel;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dossier's whole history, for auditors and its département's staff (who may read it: the route
 * table). Each read is recorded in the access log, in the read's transaction. The access log's own
 * entries are in it for auditors only, who alone may read the access log.
 */
@RestController
class HistoryController {

  private final HistoryReadModel histories;
  private final AccessRecorder accessLog;

  HistoryController(HistoryReadModel histories, AccessRecorder accessLog) {
    this.histories = histories;
    this.accessLog = accessLog;
  }

  @GetMapping("/api/departements/{departmentCode}/dossiers/{dossierId}/history")
  @Transactional(isolation = Isolation.REPEATABLE_READ)
  public DossierHistory history(
      @PathVariable String departmentCode, @PathVariable String dossierId, PasserelleUser caller) {
    accessLog.read(dossierId);
    return histories
        .of(departmentCode, dossierId, caller.has(Role.AUDITOR))
        .orElseThrow(() -> new NotFoundException("Aucun historique de ce dossier ici."));
  }
}
