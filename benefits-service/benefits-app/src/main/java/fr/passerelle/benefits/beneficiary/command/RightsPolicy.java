package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.beneficiary.api.OpenRightsCommand;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The rights an authorised pathway opens (domain.md, section 6): a residence permit (APS) for a
 * foreign national, and the AFIS when its conditions are met, at the amount of its scale.
 */
public final class RightsPolicy {

  static final String UNDER_18 = "UNDER_18";
  static final String MAYOTTE = "976";

  private final Set<String> freeMovementNationalities;
  private final AfisScales afisScales;
  private final EffectiveDated<BigDecimal> rsaSinglePersonRates;

  /**
   * @param freeMovementNationalities ISO alpha-2 codes of the nationals who need no permit to live
   *     and work in France: France, the EU and EEA members and Switzerland
   * @param afisScales the AFIS scales
   * @param rsaSinglePersonRates the RSA flat rate for one person, in euros a month
   */
  public RightsPolicy(
      Set<String> freeMovementNationalities,
      AfisScales afisScales,
      EffectiveDated<BigDecimal> rsaSinglePersonRates) {
    this.freeMovementNationalities = Set.copyOf(freeMovementNationalities);
    this.afisScales = afisScales;
    this.rsaSinglePersonRates = rsaSinglePersonRates;
  }

  /** Whether a national of {@code nationality} needs a residence permit (APS). */
  public boolean needsPermit(String nationality) {
    return !freeMovementNationalities.contains(nationality);
  }

  /**
   * Assesses the AFIS conditions in their order; the first unmet one is the reason of the refusal.
   *
   * @param holdsPermit whether a residence permit allowing work was issued for the pathway
   */
  public AfisAssessment assessAfis(OpenRightsCommand pathway, boolean holdsPermit) {
    if (UNDER_18.equals(pathway.ageBand())) {
      return new AfisAssessment.Refused(AfisRefusalReason.UNDER_18);
    }
    boolean rightToWork = !needsPermit(pathway.nationality()) || holdsPermit;
    if (!rightToWork) {
      return new AfisAssessment.Refused(AfisRefusalReason.NO_RIGHT_TO_WORK);
    }
    if (pathway.receivesAda()) {
      return new AfisAssessment.Refused(AfisRefusalReason.RECEIVES_ADA);
    }
    if (pathway.receivesRsa()) {
      return new AfisAssessment.Refused(AfisRefusalReason.RECEIVES_RSA);
    }
    BigDecimal rsa = rsaSinglePersonRates.inForceOn(pathway.decidedOn());
    if (BigDecimal.valueOf(pathway.monthlyResources()).compareTo(rsa) >= 0) {
      return new AfisAssessment.Refused(AfisRefusalReason.RESOURCES_ABOVE_RSA);
    }
    Territory territory = territoryOf(pathway.departmentCode());
    return new AfisAssessment.Granted(
        afisScales.monthlyAmountCents(pathway.decidedOn(), territory, pathway.children()),
        territory);
  }

  /** Mayotte (976) has its own AFIS scale; every other département the mainland one. */
  public static Territory territoryOf(String departmentCode) {
    return MAYOTTE.equals(departmentCode) ? Territory.MAYOTTE : Territory.MAINLAND;
  }
}
