package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Associations draft, revise, submit and withdraw the dossiers of their département; the teams read
 * them. Each operation checks the caller's role and département first, then, for an association,
 * that the dossier is its own (security.md).
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/dossiers")
class DossierController {

  private final DossierIntake intake;
  private final DossierSummaries summaries;
  private final Access access;

  DossierController(DossierIntake intake, DossierSummaries summaries, Access access) {
    this.intake = intake;
    this.summaries = summaries;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> draft(
      @PathVariable String departmentCode, @Valid @RequestBody DossierRequest request) {
    PasserelleUser user = access.require(departmentCode, Role.ASSOCIATION);
    String department = DepartmentCode.require(departmentCode);
    String dossierId = intake.draft(department, onBehalfOf(user, request));
    return ResponseEntity.created(
            URI.create("/api/departements/" + department + "/dossiers/" + dossierId))
        .body(Map.of("dossierId", dossierId, "departmentCode", department, "status", "DRAFT"));
  }

  @PutMapping("/{dossierId}")
  Map<String, String> revise(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody DossierRequest request) {
    PasserelleUser user = access.require(departmentCode, Role.ASSOCIATION);
    String department = DepartmentCode.require(departmentCode);
    intake.revise(user, department, dossierId, onBehalfOf(user, request));
    return Map.of("dossierId", dossierId, "status", "DRAFT");
  }

  @PostMapping("/{dossierId}/submission")
  DossierView submit(@PathVariable String departmentCode, @PathVariable String dossierId) {
    PasserelleUser user = access.require(departmentCode, Role.ASSOCIATION);
    String department = DepartmentCode.require(departmentCode);
    intake.submit(user, department, dossierId);
    return DossierView.of(intake.existing(department, dossierId), null);
  }

  @PostMapping("/{dossierId}/withdrawal")
  DossierView withdraw(@PathVariable String departmentCode, @PathVariable String dossierId) {
    PasserelleUser user = access.require(departmentCode, Role.ASSOCIATION);
    String department = DepartmentCode.require(departmentCode);
    intake.withdraw(user, department, dossierId);
    return DossierView.of(intake.existing(department, dossierId), null);
  }

  /** The dossier with the person's identity: personal data, so each read is logged. */
  @GetMapping("/{dossierId}")
  DossierView dossier(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      HttpServletRequest request) {
    PasserelleUser user =
        access.require(
            departmentCode, Role.ASSOCIATION, Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR);
    String department = DepartmentCode.require(departmentCode);
    return intake.read(user, department, dossierId, route(request));
  }

  @GetMapping
  List<DossierSummary> list(
      @PathVariable String departmentCode, @RequestParam(required = false) String status) {
    PasserelleUser user =
        access.require(
            departmentCode, Role.ASSOCIATION, Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR);
    String department = DepartmentCode.require(departmentCode);
    if (DossierIntake.isAssociationOnly(user)) {
      access.requireOwnAssociation(user, user.associationId());
      return summaries.inDepartment(department, status, user.associationId());
    }
    return summaries.inDepartment(department, status, null);
  }

  /**
   * An association acts for itself: a body naming another association is refused, one naming none
   * is completed with the caller's.
   */
  private DossierRequest onBehalfOf(PasserelleUser user, DossierRequest request) {
    String associationId =
        request.associationId() == null || request.associationId().isBlank()
            ? user.associationId()
            : request.associationId();
    access.requireOwnAssociation(user, associationId);
    return request.forAssociation(associationId);
  }

  /** The method and path pattern of the request, as the access log names the route. */
  private static String route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
  }
}
