package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.FindPendingDossiersQuery;
import fr.passerelle.decision.pathway.api.PendingDossierView;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.Role;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commission secretariat's work on dossiers: what awaits a session, agendas, opinions. Each
 * operation first checks the caller's role and département (docs/security.md), before anything is
 * read or changed.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/commission")
class CommissionController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final Access access;

  CommissionController(CommandGateway commands, QueryGateway queries, Access access) {
    this.commands = commands;
    this.queries = queries;
    this.access = access;
  }

  @GetMapping("/pending-dossiers")
  List<PendingDossierView> pendingDossiers(@PathVariable String departmentCode) {
    access.require(departmentCode, Role.SECRETARIAT, Role.PREFECTURE);
    return queries
        .query(
            new FindPendingDossiersQuery(DepartmentCode.require(departmentCode)),
            ResponseTypes.multipleInstancesOf(PendingDossierView.class))
        .join();
  }

  @PostMapping("/sessions/{sessionId}/agenda")
  ResponseEntity<Void> placeOnAgenda(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody AgendaRequest request) {
    access.require(departmentCode, Role.SECRETARIAT);
    commands.sendAndWait(
        new PlaceOnAgendaCommand(
            request.dossierId(), DepartmentCode.require(departmentCode), sessionId));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/sessions/{sessionId}/opinions")
  ResponseEntity<OpinionRecordedResponse> recordOpinion(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody OpinionRequest request) {
    access.require(departmentCode, Role.SECRETARIAT);
    commands.sendAndWait(
        new RecordOpinionCommand(
            request.dossierId(),
            DepartmentCode.require(departmentCode),
            sessionId,
            request.opinion(),
            request.votesFor(),
            request.votesAgainst(),
            request.abstentions(),
            request.chairVotedFor()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new OpinionRecordedResponse(request.dossierId(), sessionId, request.opinion()));
  }
}
