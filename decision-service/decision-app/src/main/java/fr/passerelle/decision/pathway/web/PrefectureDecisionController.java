package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.AuthorisePathwayCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.Role;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

  private final CommandGateway commands;
  private final Access access;

  PrefectureDecisionController(CommandGateway commands, Access access) {
    this.commands = commands;
    this.access = access;
  }

  @PostMapping("/api/departements/{departmentCode}/prefecture/decisions")
  ResponseEntity<DecisionResponse> decide(
      @PathVariable String departmentCode, @Valid @RequestBody DecisionRequest request) {
    access.require(departmentCode, Role.PREFECTURE);
    String department = DepartmentCode.require(departmentCode);
    DecisionResponse response =
        switch (request.decision()) {
          case AUTHORISE -> authorise(department, request);
          case REFUSE -> refuse(department, request);
        };
    return ResponseEntity.status(HttpStatus.CREATED).body(response);
  }

  private DecisionResponse authorise(String department, DecisionRequest request) {
    LocalDate endDate =
        commands.sendAndWait(
            new AuthorisePathwayCommand(
                request.dossierId(),
                department,
                request.decidedOn(),
                request.startDate(),
                request.motivation()));
    return new DecisionResponse(
        request.dossierId(),
        Decision.AUTHORISE,
        request.decidedOn(),
        request.startDate(),
        endDate,
        null);
  }

  private DecisionResponse refuse(String department, DecisionRequest request) {
    commands.sendAndWait(
        new RefusePathwayCommand(
            request.dossierId(),
            department,
            request.decidedOn(),
            request.reason(),
            request.motivation()));
    return new DecisionResponse(
        request.dossierId(), Decision.REFUSE, request.decidedOn(), null, null, request.reason());
  }
}
