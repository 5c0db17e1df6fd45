package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts the AFIS conditions (CASF R121-12-13-1) are assessed on, as known at the préfet's
 * decision.
 *
 * @param ageBand the person's age band, e.g. {@code UNDER_18}
 * @param nationality ISO 3166-1 alpha-2 code
 * @param residenceDocument a residence document or receipt the association declared
 * @param holdsPermitAllowingWork whether a residence permit (APS) allowing work is in force on the
 *     day of the decision
 * @param previousMonthResourcesCents the household's resources of the month before the request
 * @param requestedOn the day of the request, when the resources are assessed
 */
public record AfisConditions(
    String ageBand,
    String nationality,
    ResidenceDocument residenceDocument,
    boolean holdsPermitAllowingWork,
    long previousMonthResourcesCents,
    LocalDate requestedOn,
    boolean receivesRsa,
    boolean receivesAda) {

  public AfisConditions {
    Objects.requireNonNull(ageBand, "ageBand");
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(residenceDocument, "residenceDocument");
    Objects.requireNonNull(requestedOn, "requestedOn");
  }
}
