package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.FindPendingDossiersQuery;
import fr.passerelle.decision.pathway.api.PendingDossierView;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.command.DossierNotFoundException;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.refusal.RefusedException;
import jakarta.validation.Valid;
import java.util.ArrayList;
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

  /**
   * Puts many dossiers on the session's agenda, each on its own: one refused does not stop the
   * others, and each gets its result.
   */
  @PostMapping("/sessions/{sessionId}/agenda/batch")
  BatchResult.Results placeOnAgenda(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody AgendaBatchRequest request) {
    List<BatchResult> results = new ArrayList<>();
    for (String dossierId : request.dossierIds()) {
      try {
        commands.send(
            new PlaceOnAgendaCommand(dossierId, departmentCode, sessionId),
            DossierNotFoundException::new);
        results.add(BatchResult.done(dossierId, 204));
      } catch (RefusedException refusal) {
        results.add(BatchResult.refused(dossierId, refusal));
      }
    }
    return BatchResult.Results.of(results);
  }

  /** Records the session's opinions, each on its own, with a result per dossier. */
  @PostMapping("/sessions/{sessionId}/opinions/batch")
  BatchResult.Results recordOpinions(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody OpinionBatchRequest request) {
    List<BatchResult> results = new ArrayList<>();
    for (OpinionRequest opinion : request.opinions()) {
      try {
        commands.send(
            opinionCommand(departmentCode, sessionId, opinion), DossierNotFoundException::new);
        results.add(BatchResult.done(opinion.dossierId(), 201));
      } catch (RefusedException refusal) {
        results.add(BatchResult.refused(opinion.dossierId(), refusal));
      }
    }
    return BatchResult.Results.of(results);
  }

  @PostMapping("/sessions/{sessionId}/opinions")
  ResponseEntity<OpinionRecordedResponse> recordOpinion(
      @PathVariable String departmentCode,
      @PathVariable String sessionId,
      @Valid @RequestBody OpinionRequest request) {
    commands.send(
        opinionCommand(departmentCode, sessionId, request), DossierNotFoundException::new);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new OpinionRecordedResponse(request.dossierId(), sessionId, request.opinion()));
  }

  private static RecordOpinionCommand opinionCommand(
      String departmentCode, String sessionId, OpinionRequest request) {
    return new RecordOpinionCommand(
        request.dossierId(),
        departmentCode,
        sessionId,
        request.opinion(),
        request.votesFor(),
        request.votesAgainst(),
        request.abstentions(),
        request.chairVotedFor(),
        request.recusedMemberIds());
  }
}
