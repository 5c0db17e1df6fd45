package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.command.UnknownBeneficiaryException;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.route.AccessRecorder;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A beneficiary's rights and integration outcomes. The route guard has checked the caller's
 * département, role and, for an association, that it accompanies the beneficiary (docs/security.md)
 * before a method here runs.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/beneficiaries/{dossierId}")
class BeneficiaryController {

  private final Commands commands;
  private final QueryGateway queries;
  private final AccessRecorder accessLog;

  BeneficiaryController(Commands commands, QueryGateway queries, AccessRecorder accessLog) {
    this.commands = commands;
    this.queries = queries;
    this.accessLog = accessLog;
  }

  /** The rights of a beneficiary; the read is recorded in the access log in its transaction. */
  @GetMapping
  @Transactional
  BeneficiaryView beneficiary(@PathVariable String departmentCode, @PathVariable String dossierId) {
    BeneficiaryView beneficiary =
        find(departmentCode, dossierId).orElseThrow(UnknownBeneficiaryException::new);
    accessLog.read(dossierId);
    return beneficiary;
  }

  /** Records a job or a training, for the association that accompanies the beneficiary. */
  @PostMapping("/employment")
  ResponseEntity<EmploymentRecordedResponse> recordEmployment(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody RecordEmploymentRequest request) {
    var command =
        new RecordEmploymentCommand(
            dossierId,
            departmentCode,
            ContractType.valueOf(request.contractType()),
            request.startDate(),
            request.weeklyHours());
    commands.send(command);
    return ResponseEntity.created(
            URI.create("/api/departements/" + departmentCode + "/beneficiaries/" + dossierId))
        .body(
            new EmploymentRecordedResponse(
                dossierId,
                departmentCode,
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
}
