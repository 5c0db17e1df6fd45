package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.dossier.vault.PersonVault;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake use cases: the person's file goes to the vault and the dossier's event to the event
 * store in one transaction, so neither exists without the other.
 */
@Service
class DossierIntake {

  private final CommandGateway commands;
  private final PersonVault vault;
  private final DossierSummaries summaries;

  DossierIntake(CommandGateway commands, PersonVault vault, DossierSummaries summaries) {
    this.commands = commands;
    this.vault = vault;
    this.summaries = summaries;
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
  void revise(String departmentCode, String dossierId, DossierRequest request) {
    DossierSummary dossier = existing(departmentCode, dossierId);
    send(new ReviseDraftCommand(dossierId, departmentCode, request.content()));
    vault.store(dossier.personId(), request.personalFile());
  }

  @Transactional
  void submit(String departmentCode, String dossierId) {
    existing(departmentCode, dossierId);
    send(new SubmitDossierCommand(dossierId, departmentCode));
  }

  @Transactional
  void withdraw(String departmentCode, String dossierId) {
    existing(departmentCode, dossierId);
    send(new WithdrawDraftCommand(dossierId, departmentCode));
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
