package fr.passerelle.dossier.association.web;

import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
import fr.passerelle.dossier.association.query.AssociationView;
import fr.passerelle.dossier.association.query.AssociationsProjection;
import fr.passerelle.edge.command.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The préfecture records the associations it approves; teams list them. Who may call is checked by
 * the route guard against the route table (docs/security.md) before a method here runs.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/associations")
class AssociationController {

  private final Commands commands;
  private final AssociationsProjection associations;

  AssociationController(Commands commands, AssociationsProjection associations) {
    this.commands = commands;
    this.associations = associations;
  }

  record RegisterAssociationRequest(
      @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
          String name,
      @NotNull(message = "obligatoire") LocalDate approvedFrom,
      @NotNull(message = "obligatoire") LocalDate approvedUntil) {}

  @PostMapping
  ResponseEntity<AssociationView> register(
      @PathVariable String departmentCode, @Valid @RequestBody RegisterAssociationRequest request) {
    String associationId = UUID.randomUUID().toString();
    commands.send(
        new RegisterAssociationCommand(
            associationId,
            departmentCode,
            request.name().strip(),
            request.approvedFrom(),
            request.approvedUntil()));
    return ResponseEntity.created(
            URI.create("/api/departements/" + departmentCode + "/associations/" + associationId))
        .body(
            new AssociationView(
                associationId,
                departmentCode,
                request.name().strip(),
                request.approvedFrom(),
                request.approvedUntil()));
  }

  @GetMapping
  List<AssociationView> list(@PathVariable String departmentCode) {
    return associations.inDepartment(departmentCode);
  }
}
