package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.accesslog.PersonalDataAccessLog;
import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake use cases: the person's file goes to the vault and the dossier's event to the event
 * store in one transaction, so neither exists without the other. The caller's role and département
 * are checked by the controller before; here, before anything changes or is read, that an
 * association acts on its own dossiers only.
 */
@Service
class DossierIntake {

  private final CommandGateway commands;
  private final PersonVault vault;
  private final DossierSummaries summaries;
  private final Access access;
  private final PersonalDataAccessLog accessLog;

  DossierIntake(
      CommandGateway commands,
      PersonVault vault,
      DossierSummaries summaries,
      Access access,
      PersonalDataAccessLog accessLog) {
    this.commands = commands;
    this.vault = vault;
    this.summaries = summaries;
    this.access = access;
    this.accessLog = accessLog;
  }

  @Transactional
  String draft(String departmentCode, DossierRequest request) {
    String dossierId = UUID.randomUUID().toString();
    String personId = UUID.randomUUID().toString();
    vault.store(personId, request.personalFile());
    send(new DraftDossierCommand(dossierId, departmentCode, personId, request.content()));
    return dossierId;
  }

  @Transactional
  void revise(
      PasserelleUser user, String departmentCode, String dossierId, DossierRequest request) {
    DossierSummary dossier = own(user, departmentCode, dossierId);
    send(new ReviseDraftCommand(dossierId, departmentCode, request.content()));
    vault.store(dossier.personId(), request.personalFile());
  }

  @Transactional
  void submit(PasserelleUser user, String departmentCode, String dossierId) {
    own(user, departmentCode, dossierId);
    send(new SubmitDossierCommand(dossierId, departmentCode));
  }

  @Transactional
  void withdraw(PasserelleUser user, String departmentCode, String dossierId) {
    own(user, departmentCode, dossierId);
    send(new WithdrawDraftCommand(dossierId, departmentCode));
  }

  /**
   * The dossier with the person's identity, its read logged in the same transaction: no identity
   * leaves the vault without its entry in the access log.
   */
  @Transactional
  DossierView read(PasserelleUser user, String departmentCode, String dossierId, String route) {
    DossierSummary summary = own(user, departmentCode, dossierId);
    accessLog.record(user, departmentCode, dossierId, route);
    return DossierView.of(summary, vault.read(summary.personId()).orElse(null));
  }

  /** An association member holding no other role: sees its own association's dossiers only. */
  static boolean isAssociationOnly(PasserelleUser user) {
    return user.has(Role.ASSOCIATION)
        && !user.has(Role.SECRETARIAT)
        && !user.has(Role.PREFECTURE)
        && !user.has(Role.ADMIN);
  }

  /** The dossier of the département, refused to an association other than its own. */
  private DossierSummary own(PasserelleUser user, String departmentCode, String dossierId) {
    DossierSummary dossier = existing(departmentCode, dossierId);
    access.requireOwnAssociation(user, dossier.associationId());
    return dossier;
  }

  DossierSummary existing(String departmentCode, String dossierId) {
    return summaries
        .find(departmentCode, dossierId)
        .orElseThrow(() -> new DossierNotFoundException(dossierId));
  }

  /** Sends a command and rethrows the domain's own exception rather than Axon's wrapper. */
  private void send(Object command) {
    try {
      commands.sendAndWait(command);
    } catch (CommandExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    } catch (AggregateNotFoundException e) {
      throw new DossierNotFoundException(String.valueOf(e.getAggregateIdentifier()));
    }
  }
}
