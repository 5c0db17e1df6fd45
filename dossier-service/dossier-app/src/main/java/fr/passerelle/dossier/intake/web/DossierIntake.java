package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
import fr.passerelle.dossier.intake.command.UnknownDossierException;
import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.route.AccessRecorder;
import fr.passerelle.edge.route.RouteDecision;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake use cases: the person's file goes to the vault, the dossier's event to the event store
 * and the access log's entry beside it, in one transaction, so none exists without the others. The
 * route guard has checked the caller before; an association acts for its own association only.
 */
@Service
class DossierIntake {

  private final Commands commands;
  private final PersonVault vault;
  private final DossierSummaries summaries;
  private final AccessRecorder accessLog;

  DossierIntake(
      Commands commands, PersonVault vault, DossierSummaries summaries, AccessRecorder accessLog) {
    this.commands = commands;
    this.vault = vault;
    this.summaries = summaries;
    this.accessLog = accessLog;
  }

  /** Drafts a dossier for the association {@code request} names (see {@link #onBehalfOf}). */
  @Transactional
  String draft(String departmentCode, DossierRequest own) {
    String dossierId = UUID.randomUUID().toString();
    String personId = UUID.randomUUID().toString();
    vault.store(personId, own.personalFile());
    commands.send(new DraftDossierCommand(dossierId, departmentCode, personId, own.content()));
    accessLog.written(dossierId);
    return dossierId;
  }

  @Transactional
  void revise(String departmentCode, String dossierId, DossierRequest own) {
    DossierSummary dossier = existing(departmentCode, dossierId);
    commands.send(new ReviseDraftCommand(dossierId, departmentCode, own.content()));
    vault.store(dossier.personId(), own.personalFile());
    accessLog.written(dossierId);
  }

  @Transactional
  void submit(String departmentCode, String dossierId, LocalDate submittedOn) {
    existing(departmentCode, dossierId);
    commands.send(new SubmitDossierCommand(dossierId, departmentCode, submittedOn));
  }

  @Transactional
  void withdraw(String departmentCode, String dossierId) {
    existing(departmentCode, dossierId);
    commands.send(new WithdrawDraftCommand(dossierId, departmentCode));
  }

  /**
   * The dossier with the person's identity, its read logged in the same transaction: no identity
   * leaves the vault without its entry in the access log.
   */
  @Transactional
  DossierView read(String departmentCode, String dossierId) {
    DossierSummary summary = existing(departmentCode, dossierId);
    accessLog.read(dossierId);
    return DossierView.of(
        summary, summary.personId() == null ? null : vault.read(summary.personId()).orElse(null));
  }

  DossierSummary existing(String departmentCode, String dossierId) {
    return summaries.find(departmentCode, dossierId).orElseThrow(UnknownDossierException::new);
  }

  /**
   * An association acts for itself: a body naming another association is refused (the refusal
   * logged, outside any transaction that would undo its entry), one naming none is completed with
   * the caller's.
   */
  DossierRequest onBehalfOf(PasserelleUser caller, DossierRequest request) {
    boolean named = request.associationId() != null && !request.associationId().isBlank();
    String associationId = named ? request.associationId() : caller.associationId();
    if (Routes.associationOnly(caller)
        && (associationId == null || !associationId.equals(caller.associationId()))) {
      accessLog.refused(null, RouteDecision.Reason.ASSOCIATION);
      throw new AccessDeniedException("Another association");
    }
    return request.forAssociation(associationId);
  }
}
