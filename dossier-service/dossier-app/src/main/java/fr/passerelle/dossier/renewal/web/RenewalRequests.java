package fr.passerelle.dossier.renewal.web;

import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.dossier.renewal.api.RequestRenewalCommand;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.NotFoundException;
import fr.passerelle.edge.route.AccessRecorder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an association's renewal request in one transaction: the request's event (published as
 * {@code RenewalRequested}), the updated plan and achievements beside it (free text that may name
 * the person, so kept out of the event store and out of the bus), and the write in the access log.
 */
@Service
class RenewalRequests {

  private final Commands commands;
  private final DossierSummaries summaries;
  private final AccessRecorder accessLog;
  private final JdbcTemplate jdbc;

  RenewalRequests(
      Commands commands, DossierSummaries summaries, AccessRecorder accessLog, JdbcTemplate jdbc) {
    this.commands = commands;
    this.summaries = summaries;
    this.accessLog = accessLog;
    this.jdbc = jdbc;
  }

  @Transactional
  RenewalRequestView request(String departmentCode, String dossierId, RenewalRequestBody body) {
    DossierSummary dossier =
        summaries
            .find(departmentCode, dossierId)
            .orElseThrow(
                () -> new NotFoundException("Aucun dossier de ce numéro dans ce département."));
    if (!"SUBMITTED".equals(dossier.status()) || dossier.submittedOn() == null) {
      throw new ConflictException(
          "Seul le parcours d'un dossier soumis peut être renouvelé ; ce dossier ne l'est pas.");
    }
    String requestId = UUID.randomUUID().toString();
    commands.send(
        new RequestRenewalCommand(
            requestId,
            dossierId,
            departmentCode,
            dossier.associationId(),
            dossier.submittedOn(),
            body.requestedOn()));
    jdbc.update(
        """
        INSERT INTO renewal_plan (request_id, dossier_id, plan, achievements)
        VALUES (?, ?, ?, ?)
        """,
        requestId,
        dossierId,
        body.plan(),
        body.achievements());
    accessLog.written(dossierId);
    return new RenewalRequestView(requestId, dossierId, body.requestedOn());
  }
}
