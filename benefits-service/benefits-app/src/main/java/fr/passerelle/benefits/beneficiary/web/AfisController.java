package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.AfisDecision;
import fr.passerelle.benefits.beneficiary.api.ChangeHouseholdCommand;
import fr.passerelle.benefits.beneficiary.api.DecideAfisCommand;
import fr.passerelle.benefits.beneficiary.api.RequestAfisCommand;
import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import fr.passerelle.benefits.beneficiary.api.ResumeAfisCommand;
import fr.passerelle.benefits.beneficiary.api.StopAfisCommand;
import fr.passerelle.benefits.beneficiary.api.SuspendAfisCommand;
import fr.passerelle.benefits.events.AfisStopReason;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AFIS as a right that is requested (by the accompanying association), decided (by the préfet,
 * every condition assessed at the decision's date), suspended, resumed or stopped from the month
 * after a decision, and re-assessed when the household changes.
 */
@RestController
class AfisController {

  private final RightsWrites writes;

  AfisController(RightsWrites writes) {
    this.writes = writes;
  }

  @PostMapping(Paths.BENEFICIARY + "/afis/requests")
  ResponseEntity<AfisAnswer> request(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody AfisRequests.Request request) {
    String requestId = UUID.randomUUID().toString();
    writes.decide(
        dossierId,
        new RequestAfisCommand(
            dossierId,
            departmentCode,
            requestId,
            request.requestedOn(),
            request.children(),
            request.previousMonthResources().movePointRight(2).longValueExact(),
            request.receivesRsa(),
            request.receivesAda(),
            request.residenceDocument() == null
                ? ResidenceDocument.NONE
                : ResidenceDocument.valueOf(request.residenceDocument()),
            request.ageBand()));
    return ResponseEntity.created(
            URI.create(
                Paths.beneficiary(departmentCode, dossierId) + "/afis/requests/" + requestId))
        .body(new AfisAnswer(dossierId, requestId, "REQUESTED", request.requestedOn(), null));
  }

  @PostMapping(Paths.BENEFICIARY + "/afis/requests/{requestId}/decision")
  AfisAnswer decide(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @PathVariable String requestId,
      @Valid @RequestBody AfisRequests.Decision request) {
    AfisDecision decision =
        writes.decide(
            dossierId,
            new DecideAfisCommand(dossierId, departmentCode, requestId, request.decidedOn()));
    return new AfisAnswer(
        dossierId,
        requestId,
        decision.granted() ? "GRANTED" : "REFUSED",
        request.decidedOn(),
        decision.granted() ? null : decision.refusalReasons());
  }

  @PostMapping(Paths.BENEFICIARY + "/afis/suspension")
  AfisAnswer suspend(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody AfisRequests.Stop request) {
    writes.decide(
        dossierId,
        new SuspendAfisCommand(
            dossierId,
            departmentCode,
            request.decidedOn(),
            AfisStopReason.valueOf(request.reason())));
    return new AfisAnswer(dossierId, null, "SUSPENDED", request.decidedOn(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/afis/resumption")
  AfisAnswer resume(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody AfisRequests.Decision request) {
    writes.decide(dossierId, new ResumeAfisCommand(dossierId, departmentCode, request.decidedOn()));
    return new AfisAnswer(dossierId, null, "RESUMED", request.decidedOn(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/afis/stop")
  AfisAnswer stop(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody AfisRequests.Stop request) {
    writes.decide(
        dossierId,
        new StopAfisCommand(
            dossierId,
            departmentCode,
            request.decidedOn(),
            AfisStopReason.valueOf(request.reason())));
    return new AfisAnswer(dossierId, null, "ENDED", request.decidedOn(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/afis/household")
  AfisAnswer household(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody AfisRequests.Household request) {
    writes.decide(
        dossierId,
        new ChangeHouseholdCommand(
            dossierId, departmentCode, request.changedOn(), request.children()));
    return new AfisAnswer(dossierId, null, "REASSESSED", request.changedOn(), null);
  }
}
