package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.FindPendingDossiersQuery;
import fr.passerelle.decision.pathway.api.PendingDossierView;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.command.DossierNotFoundException;
import fr.passerelle.edge.command.Commands;
import jakarta.validation.Valid;
import java.util.List;
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
 * The commission secretariat's work on dossiers: what awaits a session, agendas, opinions. The
 * route guard checks each call's département and role (docs/security.md) before anything is read or
 * changed.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/commission")
class CommissionController {

  private final Commands commands;
  private final QueryGateway queries;

  CommissionController(Commands commands, QueryGateway queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @GetMapping("/pending-dossiers")
  List<PendingDossierView> pendingDossiers(@PathVariable String departmentCode) {
    return queries
        .query(
            new FindPendingDossiersQuery(departmentCode),
            ResponseTypes.multipleInstancesOf(PendingDossierView.class))
        .join();
  }

  @PostMapping("/sessions/{sessionId}/agenda")
  ResponseEntity<Void> placeOnAgenda(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody AgendaRequest request) {
    commands.send(
        new PlaceOnAgendaCommand(request.dossierId(), departmentCode, sessionId),
        DossierNotFoundException::new);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/sessions/{sessionId}/opinions")
  ResponseEntity<OpinionRecordedResponse> recordOpinion(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody OpinionRequest request) {
    commands.send(
        new RecordOpinionCommand(
            request.dossierId(),
            departmentCode,
            sessionId,
            request.opinion(),
            request.votesFor(),
            request.votesAgainst(),
            request.abstentions(),
            request.chairVotedFor(),
            request.recusedMemberIds()),
        DossierNotFoundException::new);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new OpinionRecordedResponse(request.dossierId(), sessionId, request.opinion()));
  }
}
