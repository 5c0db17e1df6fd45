package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.command.UnknownBeneficiaryException;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A beneficiary's rights and integration outcomes, as docs/security.md allows: every request is
 * checked here again, whatever the gateway did.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/beneficiaries/{dossierId}")
class BeneficiaryController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final Access access;

  BeneficiaryController(CommandGateway commands, QueryGateway queries, Access access) {
    this.commands = commands;
    this.queries = queries;
    this.access = access;
  }

  /**
   * The rights of a beneficiary. The caller's role and département are checked before anything is
   * read; an association then sees only the beneficiaries it accompanies, and is refused, never
   * told "not found", for any other: it learns nothing of what exists.
   */
  @GetMapping
  BeneficiaryView beneficiary(@PathVariable String departmentCode, @PathVariable String dossierId) {
    String department = DepartmentCode.require(departmentCode);
    PasserelleUser caller =
        access.require(
            department, Role.ASSOCIATION, Role.PREFECTURE, Role.PAYING_BODY, Role.AUDITOR);
    Optional<BeneficiaryView> beneficiary = find(department, dossierId);
    access.requireOwnAssociation(caller, associationOf(beneficiary));
    return beneficiary.orElseThrow(UnknownBeneficiaryException::new);
  }

  /**
   * Records an employment, for the association that accompanies the beneficiary only: role,
   * département and association are checked before the command is sent.
   */
  @PostMapping("/employment")
  ResponseEntity<EmploymentRecordedResponse> recordEmployment(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody RecordEmploymentRequest request) {
    String department = DepartmentCode.require(departmentCode);
    PasserelleUser caller = access.require(department, Role.ASSOCIATION);
    access.requireOwnAssociation(caller, associationOf(find(department, dossierId)));
    var command =
        new RecordEmploymentCommand(
            dossierId,
            department,
            ContractType.valueOf(request.contractType()),
            request.startDate(),
            request.weeklyHours());
    sendAndWait(command);
    return ResponseEntity.created(
            URI.create("/api/departements/" + department + "/beneficiaries/" + dossierId))
        .body(
            new EmploymentRecordedResponse(
                dossierId,
                department,
                command.contractType(),
                command.startDate(),
                command.weeklyHours()));
  }

  private Optional<BeneficiaryView> find(String department, String dossierId) {
    return queries
        .query(
            new FindBeneficiaryQuery(department, dossierId),
            ResponseTypes.optionalInstanceOf(BeneficiaryView.class))
        .join();
  }

  /** The accompanying association; none for an unknown beneficiary, which no association owns. */
  private static String associationOf(Optional<BeneficiaryView> beneficiary) {
    return beneficiary.map(BeneficiaryView::associationId).orElse(null);
  }

  /** Sends a command and rethrows what its handler threw, as Axon may wrap it. */
  private void sendAndWait(Object command) {
    try {
      commands.sendAndWait(command);
    } catch (CommandExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
