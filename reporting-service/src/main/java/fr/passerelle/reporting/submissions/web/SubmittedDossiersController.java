package fr.passerelle.reporting.submissions.web;

import fr.passerelle.reporting.submissions.projection.SubmittedDossiersProjection;
import fr.passerelle.web.DepartmentCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubmittedDossiersController {

  private final SubmittedDossiersProjection submittedDossiers;

  SubmittedDossiersController(SubmittedDossiersProjection submittedDossiers) {
    this.submittedDossiers = submittedDossiers;
  }

  @GetMapping("/api/departements/{departmentCode}/reports/dossiers")
  SubmittedDossiersView submitted(@PathVariable String departmentCode) {
    String department = DepartmentCode.require(departmentCode);
    return new SubmittedDossiersView(department, submittedDossiers.countIn(department));
  }

  /** How many dossiers a département's associations have submitted. */
  record SubmittedDossiersView(String departmentCode, long submittedDossiers) {}
}
