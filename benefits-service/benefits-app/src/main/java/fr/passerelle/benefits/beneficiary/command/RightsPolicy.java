package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a beneficiary's rights, as the texts set them and the configuration dates them: who
 * may hold a residence permit (CESEDA L425-4), who may receive the AFIS (CASF R121-12-13-1), and
 * what the AFIS owes each month.
 */
public final class RightsPolicy {

  static final String UNDER_18 = "UNDER_18";
  static final String MAYOTTE = "976";

  private final Set<String> freeMovementNationalities;
  private final AfisScales afisScales;
  private final EffectiveDated<BigDecimal> rsaSinglePersonRates;
  private final List<OneOffAid> oneOffAids;
  private final int permitMinimumMonths;

  /**
   * @param freeMovementNationalities ISO alpha-2 codes of the nationals who need no permit to live
   *     and work in France: France, the EU and EEA members and Switzerland
   * @param afisScales the AFIS scales of each territory
   * @param rsaSinglePersonRates the RSA flat rate for one person, in euros a month
   * @param oneOffAids the aids paid once with a month's AFIS
   * @param permitMinimumMonths the shortest validity of a residence permit (six months)
   */
  public RightsPolicy(
      Set<String> freeMovementNationalities,
      AfisScales afisScales,
      EffectiveDated<BigDecimal> rsaSinglePersonRates,
      List<OneOffAid> oneOffAids,
      int permitMinimumMonths) {
    this.freeMovementNationalities = Set.copyOf(freeMovementNationalities);
    this.afisScales = afisScales;
    this.rsaSinglePersonRates = rsaSinglePersonRates;
    this.oneOffAids = List.copyOf(oneOffAids);
    this.permitMinimumMonths = permitMinimumMonths;
  }

  /** Whether a national of {@code nationality} needs a permit: not French, EU, EEA or Swiss. */
  public boolean needsPermit(String nationality) {
    return !freeMovementNationalities.contains(nationality);
  }

  /** Every condition of a residence permit {@code facts} do not meet, in the order of the text. */
  public List<PermitRefusalReason> unmetPermitConditions(PermitConditions facts) {
    List<PermitRefusalReason> unmet = new ArrayList<>();
    if (!needsPermit(facts.nationality())) {
      unmet.add(PermitRefusalReason.FREE_MOVEMENT_NATIONAL);
    }
    if (!facts.traffickingVictim() && !Boolean.TRUE.equals(facts.procuringVictim())) {
      unmet.add(PermitRefusalReason.NOT_A_VICTIM);
    }
    if (!facts.ceasedProstitution()) {
      unmet.add(PermitRefusalReason.PROSTITUTION_NOT_CEASED);
    }
    if (!facts.pathwayInForce()) {
      unmet.add(PermitRefusalReason.PATHWAY_NOT_AUTHORISED);
    }
    return List.copyOf(unmet);
  }

  /** The earliest last day of a permit valid from {@code validFrom}: six months of validity. */
  public LocalDate shortestPermitUntil(LocalDate validFrom) {
    return validFrom.plusMonths(permitMinimumMonths).minusDays(1);
  }

  public int permitMinimumMonths() {
    return permitMinimumMonths;
  }

  /**
   * Every AFIS condition {@code facts} do not meet, in the order of CASF R121-12-13-1: age, right
   * to reside and work, resources (of the month before the request, against the RSA flat rate in
   * force on the request's day), neither RSA nor ADA.
   */
  public List<AfisRefusalReason> unmetAfisConditions(AfisConditions facts) {
    List<AfisRefusalReason> unmet = new ArrayList<>();
    if (UNDER_18.equals(facts.ageBand())) {
      unmet.add(AfisRefusalReason.UNDER_18);
    }
    boolean rightToWork =
        !needsPermit(facts.nationality())
            || facts.residenceDocument() != ResidenceDocument.NONE
            || facts.holdsPermitAllowingWork();
    if (!rightToWork) {
      unmet.add(AfisRefusalReason.NO_RIGHT_TO_WORK);
    }
    BigDecimal rsa = rsaSinglePersonRates.inForceOn(facts.requestedOn());
    if (BigDecimal.valueOf(facts.previousMonthResourcesCents(), 2).compareTo(rsa) >= 0) {
      unmet.add(AfisRefusalReason.RESOURCES_ABOVE_RSA);
    }
    if (facts.receivesRsa()) {
      unmet.add(AfisRefusalReason.RECEIVES_RSA);
    }
    if (facts.receivesAda()) {
      unmet.add(AfisRefusalReason.RECEIVES_ADA);
    }
    return List.copyOf(unmet);
  }

  /**
   * The scale of {@code month} in {@code territory}.
   *
   * @throws NoAfisScaleException when none was in force on the month's first day
   */
  public AfisScale afisScale(Territory territory, YearMonth month) {
    return afisScales.of(territory, month);
  }

  /** The full AFIS of {@code month} for a household of {@code children}, in cents. */
  public long monthlyAmountCents(Territory territory, YearMonth month, int children) {
    return afisScale(territory, month).amounts().forChildren(children);
  }

  /**
   * What {@code right} owes for {@code month}: nothing outside its period, while suspended, or
   * without a household; otherwise the scale's amount for the month's household, in proportion to
   * the days covered in a first or last month the right covers in part (rounded down to the cent),
   * and any one-off aid of the month.
   *
   * @throws NoAfisScaleException when a month due has no scale in force
   */
  public AfisMonth due(AfisRight right, YearMonth month) {
    int days = right.daysCovered(month);
    if (days == 0) {
      return new AfisMonth.NotDue(month, PaymentOutcome.Status.NOT_DUE);
    }
    if (right.suspendedIn(month)) {
      return new AfisMonth.NotDue(month, PaymentOutcome.Status.SUSPENDED);
    }
    Optional<Integer> children = right.childrenIn(month);
    if (children.isEmpty()) {
      return new AfisMonth.NotDue(month, PaymentOutcome.Status.HOUSEHOLD_UNKNOWN);
    }
    AfisScale scale = afisScale(right.territory(), month);
    long full = scale.amounts().forChildren(children.get());
    long amount = full * days / month.lengthOfMonth();
    Optional<OneOffAid> aid = oneOffAids.stream().filter(a -> a.month().equals(month)).findFirst();
    return new AfisMonth.Due(
        month,
        amount,
        full,
        right.territory(),
        children.get(),
        scale.source(),
        aid.map(a -> a.forChildren(children.get())).orElse(null),
        aid.map(OneOffAid::source).orElse(null));
  }

  /** Mayotte (976) has its own AFIS scale; every other département the mainland one. */
  public static Territory territoryOf(String departmentCode) {
    return MAYOTTE.equals(departmentCode) ? Territory.MAYOTTE : Territory.MAINLAND;
  }
}
