package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.web.DepartmentCode;
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

/** Associations draft, revise, submit and withdraw the dossiers of their département. */
@RestController
@RequestMapping("/api/departements/{departmentCode}/dossiers")
class DossierController {

  private final DossierIntake intake;
  private final DossierSummaries summaries;
  private final PersonVault vault;

  DossierController(DossierIntake intake, DossierSummaries summaries, PersonVault vault) {
    this.intake = intake;
    this.summaries = summaries;
    this.vault = vault;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> draft(
      @PathVariable String departmentCode, @Valid @RequestBody DossierRequest request) {
    String department = DepartmentCode.require(departmentCode);
    String dossierId = intake.draft(department, request);
    return ResponseEntity.created(
            URI.create("/api/departements/" + department + "/dossiers/" + dossierId))
        .body(Map.of("dossierId", dossierId, "departmentCode", department, "status", "DRAFT"));
  }

  @PutMapping("/{dossierId}")
  Map<String, String> revise(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody DossierRequest request) {
    String department = DepartmentCode.require(departmentCode);
    intake.revise(department, dossierId, request);
    return Map.of("dossierId", dossierId, "status", "DRAFT");
  }

  @PostMapping("/{dossierId}/submission")
  DossierView submit(@PathVariable String departmentCode, @PathVariable String dossierId) {
    String department = DepartmentCode.require(departmentCode);
    intake.submit(department, dossierId);
    return DossierView.of(intake.existing(department, dossierId), null);
  }

  @PostMapping("/{dossierId}/withdrawal")
  DossierView withdraw(@PathVariable String departmentCode, @PathVariable String dossierId) {
    String department = DepartmentCode.require(departmentCode);
    intake.withdraw(department, dossierId);
    return DossierView.of(intake.existing(department, dossierId), null);
  }

  @GetMapping("/{dossierId}")
  DossierView dossier(@PathVariable String departmentCode, @PathVariable String dossierId) {
    DossierSummary summary = intake.existing(DepartmentCode.require(departmentCode), dossierId);
    return DossierView.of(summary, vault.read(summary.personId()).orElse(null));
  }

  @GetMapping
  List<DossierSummary> list(
      @PathVariable String departmentCode, @RequestParam(required = false) String status) {
    return summaries.inDepartment(DepartmentCode.require(departmentCode), status);
  }
}
