package fr.passerelle.reporting.submissions.web;

import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.Role;
import fr.passerelle.reporting.submissions.projection.SubmittedDossiersProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubmittedDossiersController {

  /** Who may read a département's count, on a département they act on (docs/security.md). */
  private static final Role[] READERS = {
    Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR, Role.ANALYST, Role.ADMIN
  };

  private final SubmittedDossiersProjection submittedDossiers;
  private final Access access;

  SubmittedDossiersController(SubmittedDossiersProjection submittedDossiers, Access access) {
    this.submittedDossiers = submittedDossiers;
    this.access = access;
  }

  @GetMapping("/api/departements/{departmentCode}/reports/dossiers")
  SubmittedDossiersView submitted(@PathVariable String departmentCode) {
    access.require(departmentCode, READERS);
    String department = DepartmentCode.require(departmentCode);
    return new SubmittedDossiersView(department, submittedDossiers.countIn(department));
  }

  /** How many dossiers a département's associations have submitted. */
  record SubmittedDossiersView(String departmentCode, long submittedDossiers) {}
}
