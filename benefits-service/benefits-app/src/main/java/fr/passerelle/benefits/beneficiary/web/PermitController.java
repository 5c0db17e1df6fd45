package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.ExpiringPermit;
import fr.passerelle.benefits.beneficiary.api.FindExpiringPermitsQuery;
import fr.passerelle.benefits.beneficiary.api.IssuePermitCommand;
import fr.passerelle.benefits.beneficiary.api.RefusePermitCommand;
import fr.passerelle.benefits.beneficiary.api.RenewPermitCommand;
import fr.passerelle.benefits.beneficiary.api.WithdrawPermitCommand;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.edge.route.AccessRecorder;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The préfecture's foreigners' service decides the residence permit (APS, CESEDA L425-4): issues
 * it, renews it with the pathway, refuses it with a reason, withdraws it; and lists the permits
 * about to expire.
 */
@RestController
class PermitController {

  static final int EXPIRING_DAYS = 30;

  private final RightsWrites writes;
  private final QueryGateway queries;
  private final AccessRecorder accessLog;
  private final Clock clock;

  PermitController(
      RightsWrites writes, QueryGateway queries, AccessRecorder accessLog, Clock clock) {
    this.writes = writes;
    this.queries = queries;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @PostMapping(Paths.BENEFICIARY + "/permit")
  PermitDecided issue(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody PermitRequests.Issue request) {
    writes.decide(
        dossierId,
        new IssuePermitCommand(
            dossierId,
            departmentCode,
            request.decidedOn(),
            request.validFrom(),
            request.validUntil(),
            request.ceasedProstitution()));
    return new PermitDecided(
        dossierId, "ISSUED", request.decidedOn(), request.validFrom(), request.validUntil(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/permit/renewal")
  PermitDecided renew(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody PermitRequests.Renewal request) {
    writes.decide(
        dossierId,
        new RenewPermitCommand(
            dossierId,
            departmentCode,
            request.decidedOn(),
            request.validUntil(),
            request.ceasedProstitution()));
    return new PermitDecided(
        dossierId, "RENEWED", request.decidedOn(), null, request.validUntil(), null);
  }

  @PostMapping(Paths.BENEFICIARY + "/permit/refusal")
  PermitDecided refuse(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody PermitRequests.Refusal request) {
    writes.decide(
        dossierId,
        new RefusePermitCommand(
            dossierId,
            departmentCode,
            request.decidedOn(),
            PermitRefusalReason.valueOf(request.reason())));
    return new PermitDecided(
        dossierId, "REFUSED", request.decidedOn(), null, null, request.reason());
  }

  @PostMapping(Paths.BENEFICIARY + "/permit/withdrawal")
  PermitDecided withdraw(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody PermitRequests.Withdrawal request) {
    writes.decide(
        dossierId, new WithdrawPermitCommand(dossierId, departmentCode, request.decidedOn()));
    return new PermitDecided(
        dossierId, "WITHDRAWN", request.decidedOn(), null, request.decidedOn(), null);
  }

  /**
   * The permits in force whose validity ends within {@code days} days (30 unless said) of the
   * département's today: each read is recorded in the access log.
   */
  @GetMapping(Paths.RIGHTS + "/permits/expiring")
  @Transactional
  List<ExpiringPermit> expiring(
      @PathVariable String departmentCode,
      @RequestParam(required = false, defaultValue = "" + EXPIRING_DAYS) String days) {
    int within = days(days);
    LocalDate today = DepartmentCode.today(departmentCode, clock);
    List<ExpiringPermit> expiring =
        queries
            .query(
                new FindExpiringPermitsQuery(departmentCode, today, today.plusDays(within)),
                ResponseTypes.multipleInstancesOf(ExpiringPermit.class))
            .join();
    expiring.forEach(permit -> accessLog.read(permit.dossierId()));
    return expiring;
  }

  private static int days(String days) {
    try {
      int within = Integer.parseInt(days);
      if (within >= 0 && within <= 366) {
        return within;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidRequestException.of("days", "nombre de jours attendu, de 0 à 366");
  }
}
