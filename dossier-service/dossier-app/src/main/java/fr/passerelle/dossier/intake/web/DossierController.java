package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Associations draft, revise, submit and withdraw the dossiers of their département; the teams read
 * them. The route guard has checked the caller's département, role and, for an association, that a
 * dossier named in the path is its own (docs/security.md) before a method here runs.
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/dossiers")
class DossierController {

  private final DossierIntake intake;
  private final DossierSummaries summaries;

  DossierController(DossierIntake intake, DossierSummaries summaries) {
    this.intake = intake;
    this.summaries = summaries;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> draft(
      @PathVariable String departmentCode,
      @Valid @RequestBody DossierRequest request,
      PasserelleUser caller) {
    String dossierId = intake.draft(departmentCode, intake.onBehalfOf(caller, request));
    return ResponseEntity.created(
            URI.create("/api/departements/" + departmentCode + "/dossiers/" + dossierId))
        .body(Map.of("dossierId", dossierId, "departmentCode", departmentCode, "status", "DRAFT"));
  }

  @PutMapping("/{dossierId}")
  Map<String, String> revise(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody DossierRequest request,
      PasserelleUser caller) {
    intake.revise(departmentCode, dossierId, intake.onBehalfOf(caller, request));
    return Map.of("dossierId", dossierId, "status", "DRAFT");
  }

  @PostMapping("/{dossierId}/submission")
  DossierView submit(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @RequestBody(required = false) SubmissionRequest request) {
    intake.submit(departmentCode, dossierId, request == null ? null : request.submittedOn());
    return DossierView.of(intake.existing(departmentCode, dossierId), null);
  }

  @PostMapping("/{dossierId}/withdrawal")
  DossierView withdraw(@PathVariable String departmentCode, @PathVariable String dossierId) {
    intake.withdraw(departmentCode, dossierId);
    return DossierView.of(intake.existing(departmentCode, dossierId), null);
  }

  /** The dossier with the person's identity: personal data, so each read is logged. */
  @GetMapping("/{dossierId}")
  DossierView dossier(@PathVariable String departmentCode, @PathVariable String dossierId) {
    return intake.read(departmentCode, dossierId);
  }

  /** The statuses a list can be filtered by: those of the dossiers' summaries. */
  private static final Set<String> STATUSES = Set.of("DRAFT", "SUBMITTED", "WITHDRAWN");

  /** The dossiers of the département; an association sees its own only. */
  @GetMapping
  List<DossierSummary> list(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String status,
      PasserelleUser caller) {
    if (status != null && !STATUSES.contains(status)) {
      throw InvalidRequestException.of("status", "DRAFT, SUBMITTED ou WITHDRAWN");
    }
    String association = Routes.associationOnly(caller) ? caller.associationId() : null;
    if (Routes.associationOnly(caller) && association == null) {
      return List.of();
    }
    return summaries.inDepartment(departmentCode, status, association);
  }
}
