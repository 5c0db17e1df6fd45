package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * A residence permit ended: it expired with the pathway or was withdrawn.
 *
 * @param endedOn its last day of validity
 */
public record PermitEnded(
    String dossierId, String departmentCode, LocalDate endedOn, PermitEndReason reason) {

  public static final String TYPE = "passerelle.benefits.permit-ended.v1";
}
