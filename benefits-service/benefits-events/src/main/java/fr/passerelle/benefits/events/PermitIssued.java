package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The préfecture's foreigners' service issued a temporary residence permit (APS, CESEDA L425-4):
 * its decision, the permit's validity and whether it allows its holder to work. No document number:
 * it stays in the préfecture's files.
 *
 * @param validFrom first day of validity
 * @param validUntil last day of validity (at least six months after {@code validFrom})
 * @param decidedOn the day of the préfecture's decision (optional, added in 0.3: permits published
 *     before were issued automatically at the pathway's validation)
 * @param rightToWork whether the permit allows its holder to work (optional, added in 0.3; an APS
 *     always does)
 */
public record PermitIssued(
    String dossierId,
    String departmentCode,
    LocalDate validFrom,
    LocalDate validUntil,
    LocalDate decidedOn,
    Boolean rightToWork) {

  public static final String TYPE = "passerelle.benefits.permit-issued.v1";

  /** A permit as published before 0.3, without the decision's date and the right to work. */
  public PermitIssued(
      String dossierId, String departmentCode, LocalDate validFrom, LocalDate validUntil) {
    this(dossierId, departmentCode, validFrom, validUntil, null, null);
  }
}
