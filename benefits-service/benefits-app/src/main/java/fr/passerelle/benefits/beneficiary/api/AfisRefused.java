package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisRefusalReason;
import java.time.LocalDate;
import java.util.List;

/**
 * Internal event: the préfet refused the AFIS.
 *
 * @param reason the first unmet condition
 * @param reasons every unmet condition; {@code null} in the events stored when only the first was
 *     kept
 * @param requestId the request decided; {@code null} in those events too
 */
public record AfisRefused(
    String dossierId,
    String departmentCode,
    AfisRefusalReason reason,
    LocalDate decidedOn,
    List<AfisRefusalReason> reasons,
    String requestId) {

  public AfisRefused {
    reasons = reasons == null ? null : List.copyOf(reasons);
  }
}
