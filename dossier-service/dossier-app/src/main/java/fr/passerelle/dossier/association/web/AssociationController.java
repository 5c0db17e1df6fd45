package fr.passerelle.dossier.association.web;

import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
import fr.passerelle.dossier.association.api.RenewApprovalCommand;
import fr.passerelle.dossier.association.command.UnknownAssociationException;
import fr.passerelle.dossier.association.query.ApprovalsTodo;
import fr.passerelle.dossier.association.query.AssociationView;
import fr.passerelle.dossier.association.query.AssociationsProjection;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
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
 * The préfecture records the associations it approves and renews their approvals; teams list them;
 * the préfecture and each association see the approvals coming to an end. Who may call is checked
 * by the route guard against the route table (docs/security.md) before a method here runs.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/associations")
class AssociationController {

  private final Commands commands;
  private final AssociationsProjection associations;
  private final ApprovalsTodo approvalsTodo;
  private final Clock clock;

  AssociationController(
      Commands commands,
      AssociationsProjection associations,
      ApprovalsTodo approvalsTodo,
      Clock clock) {
    this.commands = commands;
    this.associations = associations;
    this.approvalsTodo = approvalsTodo;
    this.clock = clock;
  }

  record RegisterAssociationRequest(
      @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
          String name,
      @NotNull(message = "obligatoire") LocalDate approvedFrom,
      @NotNull(message = "obligatoire") LocalDate approvedUntil) {}

  record RenewApprovalRequest(@NotNull(message = "obligatoire") LocalDate approvedUntil) {}

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

  /** Renews an approval; the association's view, as the projection now has it, comes back. */
  @PostMapping("/{associationId}/approval-renewal")
  AssociationView renew(
      @PathVariable String departmentCode,
      @PathVariable String associationId,
      @Valid @RequestBody RenewApprovalRequest request) {
    commands.send(
        new RenewApprovalCommand(associationId, departmentCode, request.approvedUntil()),
        UnknownAssociationException::new);
    return associations.find(associationId).orElseThrow(UnknownAssociationException::new);
  }

  /**
   * The approvals to see to as of today in the département: the département's for the préfecture,
   * its own for an association.
   */
  @GetMapping("/todo")
  List<ApprovalsTodo.Item> todo(@PathVariable String departmentCode, PasserelleUser caller) {
    LocalDate today = DepartmentCode.today(departmentCode, clock);
    if (Routes.associationOnly(caller)) {
      return caller.associationId() == null
          ? List.of()
          : approvalsTodo.asOf(departmentCode, caller.associationId(), today);
    }
    return approvalsTodo.asOf(departmentCode, null, today);
  }
}
