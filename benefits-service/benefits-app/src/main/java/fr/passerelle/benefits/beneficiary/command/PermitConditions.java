package fr.passerelle.benefits.beneficiary.command;

import java.util.Objects;

/**
 * The facts a residence permit's conditions (CESEDA L425-4) are assessed on.
 *
 * @param procuringVictim whether the person is a victim of procuring; {@code null} when the pathway
 *     did not say, which proves nothing
 * @param ceasedProstitution what the préfecture found
 * @param pathwayInForce whether an authorised pathway runs on the permit's first day
 */
public record PermitConditions(
    String nationality,
    boolean traffickingVictim,
    Boolean procuringVictim,
    boolean ceasedProstitution,
    boolean pathwayInForce) {

  public PermitConditions {
    Objects.requireNonNull(nationality, "nationality");
  }
}
