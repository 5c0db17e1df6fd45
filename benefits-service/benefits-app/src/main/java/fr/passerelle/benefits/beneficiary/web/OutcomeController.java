package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.EndEmploymentCommand;
import fr.passerelle.benefits.beneficiary.api.EndTrainingCommand;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.api.RecordHousingStepCommand;
import fr.passerelle.benefits.beneficiary.api.RecordTrainingCommand;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integration outcomes the accompanying association records: jobs, trainings (apart from jobs),
 * housing steps; jobs and trainings start and end.
 */
@RestController
class OutcomeController {

  private final RightsWrites writes;

  OutcomeController(RightsWrites writes) {
    this.writes = writes;
  }

  @PostMapping(Paths.BENEFICIARY + "/employment")
  ResponseEntity<OutcomeRecorded> recordEmployment(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody EmploymentRequest request) {
    String employmentId = UUID.randomUUID().toString();
    writes.record(
        new RecordEmploymentCommand(
            dossierId,
            departmentCode,
            employmentId,
            ContractType.valueOf(request.contractType()),
            request.startDate(),
            request.endDate(),
            request.weeklyHours()));
    return created(
        departmentCode,
        dossierId,
        new OutcomeRecorded(
            dossierId,
            departmentCode,
            "EMPLOYMENT",
            employmentId,
            request.contractType(),
            request.startDate(),
            request.endDate(),
            request.weeklyHours()));
  }

  @PostMapping(Paths.BENEFICIARY + "/employment/{employmentId}/end")
  OutcomeRecorded endEmployment(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @PathVariable String employmentId,
      @Valid @RequestBody EndRequest request) {
    writes.record(
        new EndEmploymentCommand(dossierId, departmentCode, employmentId, request.endDate()));
    return new OutcomeRecorded(
        dossierId, departmentCode, "EMPLOYMENT", employmentId, null, null, request.endDate(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/training")
  ResponseEntity<OutcomeRecorded> recordTraining(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody TrainingRequest request) {
    String trainingId = UUID.randomUUID().toString();
    writes.record(
        new RecordTrainingCommand(
            dossierId,
            departmentCode,
            trainingId,
            request.startDate(),
            request.endDate(),
            request.weeklyHours()));
    return created(
        departmentCode,
        dossierId,
        new OutcomeRecorded(
            dossierId,
            departmentCode,
            "TRAINING",
            trainingId,
            null,
            request.startDate(),
            request.endDate(),
            request.weeklyHours()));
  }

  @PostMapping(Paths.BENEFICIARY + "/training/{trainingId}/end")
  OutcomeRecorded endTraining(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @PathVariable String trainingId,
      @Valid @RequestBody EndRequest request) {
    writes.record(new EndTrainingCommand(dossierId, departmentCode, trainingId, request.endDate()));
    return new OutcomeRecorded(
        dossierId, departmentCode, "TRAINING", trainingId, null, null, request.endDate(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/housing")
  ResponseEntity<OutcomeRecorded> recordHousing(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody HousingRequest request) {
    writes.record(
        new RecordHousingStepCommand(
            dossierId, departmentCode, HousingStep.valueOf(request.step()), request.from()));
    return created(
        departmentCode,
        dossierId,
        new OutcomeRecorded(
            dossierId,
            departmentCode,
            "HOUSING",
            null,
            request.step(),
            request.from(),
            null,
            null));
  }

  private static ResponseEntity<OutcomeRecorded> created(
      String departmentCode, String dossierId, OutcomeRecorded body) {
    return ResponseEntity.created(URI.create(Paths.beneficiary(departmentCode, dossierId)))
        .body(body);
  }
}
