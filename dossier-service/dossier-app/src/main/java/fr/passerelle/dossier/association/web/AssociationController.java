package fr.passerelle.dossier.association.web;

import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
import fr.passerelle.dossier.association.command.InvalidApprovalException;
import fr.passerelle.dossier.association.query.AssociationView;
import fr.passerelle.dossier.association.query.AssociationsProjection;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.FieldError;
import fr.passerelle.edge.InvalidRequestException;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The préfecture records the associations it approves; teams list them. */
@RestController
@RequestMapping("/api/departements/{departmentCode}/associations")
class AssociationController {

  private final CommandGateway commands;
  private final AssociationsProjection associations;
  private final Access access;

  AssociationController(
      CommandGateway commands, AssociationsProjection associations, Access access) {
    this.commands = commands;
    this.associations = associations;
    this.access = access;
  }

  record RegisterAssociationRequest(
      @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
          String name,
      @NotNull(message = "obligatoire") LocalDate approvedFrom,
      @NotNull(message = "obligatoire") LocalDate approvedUntil) {}

  @PostMapping
  ResponseEntity<AssociationView> register(
      @PathVariable String departmentCode, @Valid @RequestBody RegisterAssociationRequest request) {
    access.require(departmentCode, Role.PREFECTURE, Role.ADMIN);
    String department = DepartmentCode.require(departmentCode);
    String associationId = UUID.randomUUID().toString();
    try {
      commands.sendAndWait(
          new RegisterAssociationCommand(
              associationId,
              department,
              request.name().strip(),
              request.approvedFrom(),
              request.approvedUntil()));
    } catch (CommandExecutionException e) {
      if (e.getCause() instanceof InvalidApprovalException invalid) {
        throw new InvalidRequestException(FieldError.of(invalid.field(), invalid.getMessage()));
      }
      throw e;
    }
    return ResponseEntity.created(
            URI.create("/api/departements/" + department + "/associations/" + associationId))
        .body(
            new AssociationView(
                associationId,
                department,
                request.name().strip(),
                request.approvedFrom(),
                request.approvedUntil()));
  }

  @GetMapping
  List<AssociationView> list(@PathVariable String departmentCode) {
    access.require(departmentCode, Role.ASSOCIATION, Role.SECRETARIAT, Role.PREFECTURE, Role.ADMIN);
    return associations.inDepartment(DepartmentCode.require(departmentCode));
  }
}
