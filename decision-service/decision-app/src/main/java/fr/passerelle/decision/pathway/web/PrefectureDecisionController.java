package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.AuthorisePathwayCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.command.DossierNotFoundException;
import fr.passerelle.edge.command.Commands;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The préfet's decisions on requests for a pathway, after the commission's opinion: the
 * préfecture's only, on its own départements (docs/security.md), checked before the dossier is
 * looked for.
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
    DecisionResponse response =
        switch (request.decision()) {
          case AUTHORISE -> authorise(departmentCode, request);
          case REFUSE -> refuse(departmentCode, request);
        };
    return ResponseEntity.status(HttpStatus.CREATED).body(response);
  }

  private DecisionResponse authorise(String departmentCode, DecisionRequest request) {
    LocalDate endDate =
        commands.send(
            new AuthorisePathwayCommand(
                request.dossierId(),
                departmentCode,
                request.decidedOn(),
                request.startDate(),
                request.motivation()),
            DossierNotFoundException::new);
    return new DecisionResponse(
        request.dossierId(),
        Decision.AUTHORISE,
        request.decidedOn(),
        request.startDate(),
        endDate,
        null);
  }

  private DecisionResponse refuse(String departmentCode, DecisionRequest request) {
    commands.send(
        new RefusePathwayCommand(
            request.dossierId(),
            departmentCode,
            request.decidedOn(),
            request.reason(),
            request.motivation()),
        DossierNotFoundException::new);
    return new DecisionResponse(
        request.dossierId(), Decision.REFUSE, request.decidedOn(), null, null, request.reason());
  }
}
