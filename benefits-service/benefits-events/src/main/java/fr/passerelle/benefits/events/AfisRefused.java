package fr.passerelle.benefits.events;

import java.time.LocalDate;
import java.util.List;

/**
 * The préfet refused the AFIS.
 *
 * @param reason the first unmet condition, in the order of CASF R121-12-13-1
 * @param reasons every unmet condition, so that refusals can be counted by reason (optional, added
 *     in 0.3: absent from refusals published before, which named the first one only)
 * @param requestId the request decided (optional, added in 0.3)
 */
public record AfisRefused(
    String dossierId,
    String departmentCode,
    AfisRefusalReason reason,
    LocalDate decidedOn,
    List<AfisRefusalReason> reasons,
    String requestId) {

  public static final String TYPE = "passerelle.benefits.afis-refused.v1";

  /** A refusal as published before 0.3, with its first unmet condition only. */
  public AfisRefused(
      String dossierId, String departmentCode, AfisRefusalReason reason, LocalDate decidedOn) {
    this(dossierId, departmentCode, reason, decidedOn, null, null);
  }

  public AfisRefused {
    reasons = reasons == null ? null : List.copyOf(reasons);
  }
}
