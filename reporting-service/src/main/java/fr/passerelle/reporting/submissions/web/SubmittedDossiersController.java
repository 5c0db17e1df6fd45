package fr.passerelle.reporting.submissions.web;

import fr.passerelle.reporting.submissions.projection.SubmittedDossiersProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How many dossiers a département submitted (who may read it: the route table). */
@RestController
class SubmittedDossiersController {

  private final SubmittedDossiersProjection submittedDossiers;

  SubmittedDossiersController(SubmittedDossiersProjection submittedDossiers) {
    this.submittedDossiers = submittedDossiers;
  }

  @GetMapping("/api/departements/{departmentCode}/reports/dossiers")
  SubmittedDossiersView submitted(@PathVariable String departmentCode) {
    return new SubmittedDossiersView(departmentCode, submittedDossiers.countIn(departmentCode));
  }

  /** How many dossiers a département's associations have submitted. */
  record SubmittedDossiersView(String departmentCode, long submittedDossiers) {}
}
