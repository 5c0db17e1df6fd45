package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.web.DepartmentCode;
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

@RestController
@RequestMapping("/api/departements/{departmentCode}/dossiers")
class DossierController {

  private final CommandGateway commands;

  DossierController(CommandGateway commands) {
    this.commands = commands;
  }

  @PostMapping
  ResponseEntity<DossierSubmittedResponse> submit(
      @PathVariable String departmentCode, @Valid @RequestBody SubmitDossierRequest request) {
    String department = DepartmentCode.require(departmentCode);
    String dossierId = UUID.randomUUID().toString();
    commands.sendAndWait(
        new SubmitDossierCommand(
            dossierId,
            department,
            request.nationality(),
            request.children(),
            request.traffickingVictim()));
    return ResponseEntity.created(
            URI.create("/api/departements/" + department + "/dossiers/" + dossierId))
        .body(new DossierSubmittedResponse(dossierId, department));
  }
}
