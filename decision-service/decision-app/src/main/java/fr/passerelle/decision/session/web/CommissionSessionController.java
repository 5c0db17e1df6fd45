package fr.passerelle.decision.session.web;

import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.Role;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

  private final CommandGateway commands;
  private final Access access;

  CommissionSessionController(CommandGateway commands, Access access) {
    this.commands = commands;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<SessionOpenedResponse> open(
      @PathVariable String departmentCode, @Valid @RequestBody OpenSessionRequest request) {
    access.require(departmentCode, Role.SECRETARIAT);
    String department = DepartmentCode.require(departmentCode);
    String sessionId = UUID.randomUUID().toString();
    commands.sendAndWait(
        new OpenCommissionSessionCommand(
            sessionId,
            department,
            request.date(),
            request.membersTotal(),
            request.membersPresent(),
            request.membersRepresented(),
            Boolean.TRUE.equals(request.secondConvocation())));
    return ResponseEntity.created(
            URI.create("/api/departements/" + department + "/commission/sessions/" + sessionId))
        .body(new SessionOpenedResponse(sessionId, department));
  }
}
