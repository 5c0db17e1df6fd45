package fr.passerelle.dossier.erasure.web;

import fr.passerelle.edge.NotAfterTodayInFrance;
import fr.passerelle.edge.security.PasserelleUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's right to erasure (GDPR art. 17), exercised through the platform's staff: the
 * association that accompanies them, or the préfecture, records the request; another agent of the
 * préfecture confirms it, which destroys the person's data key. The route guard has checked the
 * caller's département, role and, for an association, that the dossier is its own
 * (docs/security.md).
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/dossiers/{dossierId}/erasure-request")
class ErasureController {

  private final ErasureRequests requests;

  ErasureController(ErasureRequests requests) {
    this.requests = requests;
  }

  /**
   * @param receivedOn the day the person's request was received: not after today in the dossier's
   *     département (refused here when after today everywhere, then checked by the dossier)
   */
  record ErasureRequestBody(
      @NotNull(message = "obligatoire") @NotAfterTodayInFrance LocalDate receivedOn) {}

  /** What became of the request: awaiting confirmation, or done. */
  record ErasureStatus(String dossierId, String status, LocalDate receivedOn) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  ErasureStatus request(
      @PathVariable String departmentCode,
      @PathVariable String dossierId,
      @Valid @RequestBody ErasureRequestBody body,
      PasserelleUser caller) {
    requests.request(departmentCode, dossierId, caller, body.receivedOn());
    return new ErasureStatus(dossierId, "AWAITING_CONFIRMATION", body.receivedOn());
  }

  @PostMapping("/confirmation")
  ErasureStatus confirm(
      @PathVariable String departmentCode, @PathVariable String dossierId, PasserelleUser caller) {
    requests.confirm(departmentCode, dossierId, caller);
    return new ErasureStatus(dossierId, "ERASED", null);
  }
}
