package fr.passerelle.reporting.audit.web;

import fr.passerelle.reporting.audit.verify.ChainVerifier;
import fr.passerelle.reporting.audit.verify.Verification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors check that the history was not altered: the ledger's chains recomputed, the first broken
 * link named. The whole ledger, with the published seals, for callers of every département; one
 * département's dossiers for its own auditors (who may verify what, the route table).
 */
@RestController
class AuditController {

  private final ChainVerifier verifier;

  AuditController(ChainVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/api/audit/verify")
  Verification verifyAll() {
    return verifier.verifyAll();
  }

  @GetMapping("/api/departements/{departmentCode}/audit/verify")
  Verification verifyDepartement(@PathVariable String departmentCode) {
    return verifier.verifyDepartement(departmentCode);
  }
}
