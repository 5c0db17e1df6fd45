package fr.passerelle.dossier.renewal.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The association that accompanies a person asks for their pathway's renewal. The route guard has
 * checked the département, the role and that the dossier is the association's (docs/security.md).
 */
@RestController
class RenewalRequestController {

  private final RenewalRequests requests;

  RenewalRequestController(RenewalRequests requests) {
    this.requests = requests;
  }

  @PostMapping("/api/departements/{departmentCode}/dossiers/{dossierId}/renewal-requests")
  ResponseEntity<RenewalRequestView> request(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody RenewalRequestBody body) {
    RenewalRequestView view = requests.request(departmentCode, dossierId, body);
    return ResponseEntity.created(
            URI.create(
                "/api/departements/"
                    + departmentCode
                    + "/dossiers/"
                    + dossierId
                    + "/renewal-requests/"
                    + view.requestId()))
        .body(view);
  }
}
