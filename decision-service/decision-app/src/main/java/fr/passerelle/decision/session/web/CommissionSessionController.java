package fr.passerelle.decision.session.web;

import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.edge.command.Commands;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The secretariat convenes its département's commission (docs/security.md: SECRETARIAT only). */
@RestController
@RequestMapping("/api/departements/{departmentCode}/commission/sessions")
class CommissionSessionController {

  private final Commands commands;

  CommissionSessionController(Commands commands) {
    this.commands = commands;
  }

  @PostMapping
  ResponseEntity<SessionOpenedResponse> open(
      @PathVariable String departmentCode, @Valid @RequestBody OpenSessionRequest request) {
    String sessionId = UUID.randomUUID().toString();
    commands.send(
        new OpenCommissionSessionCommand(
            sessionId,
            departmentCode,
            request.date(),
            request.membersTotal(),
            request.membersPresent(),
            request.membersRepresented(),
            Boolean.TRUE.equals(request.secondConvocation())));
    return ResponseEntity.created(
            URI.create("/api/departements/" + departmentCode + "/commission/sessions/" + sessionId))
        .body(new SessionOpenedResponse(sessionId, departmentCode));
  }
}
