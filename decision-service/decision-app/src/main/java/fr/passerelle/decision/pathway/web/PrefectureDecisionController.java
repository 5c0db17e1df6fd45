package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.AuthorisePathwayCommand;
import fr.passerelle.decision.pathway.api.AuthorisedTerm;
import fr.passerelle.decision.pathway.api.EndPathwayCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.api.RefuseRenewalCommand;
import fr.passerelle.decision.pathway.api.RenewPathwayCommand;
import fr.passerelle.decision.pathway.command.DossierNotFoundException;
import fr.passerelle.edge.command.Commands;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The préfet's decisions on pathways, after the commission's opinion (authorise, refuse, renew,
 * refuse a renewal) or on a running pathway (end it early): the préfecture's only, on its own
 * départements (docs/security.md), checked before the dossier is looked for. A decision's
 * motivation travels in its command and is kept beside its events, in its transaction.
 */
@RestController
class PrefectureDecisionController {

  private final Commands commands;

  PrefectureDecisionController(Commands commands) {
    this.commands = commands;
  }

  @PostMapping("/api/departements/{departmentCode}/prefecture/decisions")
  ResponseEntity<DecisionResponse> decide(
      @PathVariable String departmentCode, @Valid @RequestBody DecisionRequest request) {
    String decisionId = UUID.randomUUID().toString();
    DecisionResponse response = decide(departmentCode, decisionId, request);
    return ResponseEntity.status(HttpStatus.CREATED).body(response);
  }

  private DecisionResponse decide(String departmentCode, String decisionId, DecisionRequest r) {
    return switch (r.decision()) {
      case AUTHORISE ->
          granted(
              decisionId,
              r,
              send(
                  new AuthorisePathwayCommand(
                      r.dossierId(),
                      departmentCode,
                      decisionId,
                      r.decidedOn(),
                      r.startDate(),
                      r.months(),
                      r.motivation())));
      case RENEW ->
          granted(
              decisionId,
              r,
              send(
                  new RenewPathwayCommand(
                      r.dossierId(),
                      departmentCode,
                      decisionId,
                      r.decidedOn(),
                      r.months(),
                      r.motivation())));
      case REFUSE -> {
        send(
            new RefusePathwayCommand(
                r.dossierId(),
                departmentCode,
                decisionId,
                r.decidedOn(),
                r.refusalReason(),
                r.motivation()));
        yield refused(decisionId, r, null);
      }
      case REFUSE_RENEWAL -> {
        send(
            new RefuseRenewalCommand(
                r.dossierId(),
                departmentCode,
                decisionId,
                r.decidedOn(),
                r.renewalRefusalReason(),
                r.motivation()));
        yield refused(decisionId, r, null);
      }
      case END -> {
        send(
            new EndPathwayCommand(
                r.dossierId(),
                departmentCode,
                decisionId,
                r.decidedOn(),
                r.endReason(),
                r.lastDay(),
                r.motivation()));
        yield refused(decisionId, r, r.lastDay() == null ? r.decidedOn() : r.lastDay());
      }
    };
  }

  private <R> R send(Object command) {
    return commands.send(command, DossierNotFoundException::new);
  }

  private static DecisionResponse granted(
      String decisionId, DecisionRequest request, AuthorisedTerm term) {
    return new DecisionResponse(
        decisionId,
        request.dossierId(),
        request.decision(),
        request.decidedOn(),
        term.termNumber(),
        term.startDate(),
        term.endDate(),
        term.totalMonths(),
        null,
        null);
  }

  private static DecisionResponse refused(
      String decisionId, DecisionRequest request, LocalDate lastDay) {
    return new DecisionResponse(
        decisionId,
        request.dossierId(),
        request.decision(),
        request.decidedOn(),
        null,
        null,
        null,
        null,
        request.reason(),
        lastDay);
  }
}
