package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.command.UnknownBeneficiaryException;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.web.DepartmentCode;
import jakarta.validation.Valid;
import java.net.URI;
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

@RestController
@RequestMapping("/api/departements/{departmentCode}/beneficiaries/{dossierId}")
class BeneficiaryController {

  private final CommandGateway commands;
  private final QueryGateway queries;

  BeneficiaryController(CommandGateway commands, QueryGateway queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @GetMapping
  BeneficiaryView beneficiary(@PathVariable String departmentCode, @PathVariable String dossierId) {
    String department = DepartmentCode.require(departmentCode);
    return queries
        .query(
            new FindBeneficiaryQuery(department, dossierId),
            ResponseTypes.optionalInstanceOf(BeneficiaryView.class))
        .join()
        .orElseThrow(UnknownBeneficiaryException::new);
  }

  @PostMapping("/employment")
  ResponseEntity<EmploymentRecordedResponse> recordEmployment(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody RecordEmploymentRequest request) {
    String department = DepartmentCode.require(departmentCode);
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
