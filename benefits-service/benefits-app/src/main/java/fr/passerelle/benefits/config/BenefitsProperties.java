package fr.passerelle.benefits.config;

import fr.passerelle.benefits.beneficiary.command.AfisAmounts;
import fr.passerelle.benefits.beneficiary.command.AfisScale;
import fr.passerelle.benefits.beneficiary.command.AfisScales;
import fr.passerelle.benefits.beneficiary.command.EffectiveDated;
import fr.passerelle.benefits.beneficiary.command.OneOffAid;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the rights a pathway opens, as law and decrees set them ({@code
 * passerelle.benefits.*}). Amounts are in euros; scales, rates and aids are dated and name their
 * source.
 *
 * @param freeMovementNationalities ISO alpha-2 codes of nationals who need no residence permit:
 *     France, the other EU members, the EEA members and Switzerland
 * @param permit the residence permit's rules
 * @param afis the AFIS scales, one-off aids and the RSA flat rates its resources are measured by
 */
@ConfigurationProperties("passerelle.benefits")
record BenefitsProperties(List<String> freeMovementNationalities, Permit permit, Afis afis) {

  BenefitsProperties {
    Objects.requireNonNull(freeMovementNationalities, "free-movement-nationalities");
    Objects.requireNonNull(permit, "permit");
    Objects.requireNonNull(afis, "afis");
  }

  RightsPolicy rightsPolicy() {
    return new RightsPolicy(
        Set.copyOf(freeMovementNationalities),
        new AfisScales(
            Map.of(
                Territory.MAINLAND, entries(afis.scales().mainland()),
                Territory.MAYOTTE, entries(afis.scales().mayotte()))),
        new EffectiveDated<>(
            "RSA flat rate for one person",
            afis.rsaRates().stream()
                .map(rate -> new EffectiveDated.Entry<>(rate.effectiveFrom(), rate.singlePerson()))
                .toList()),
        afis.oneOffAids() == null
            ? List.of()
            : afis.oneOffAids().stream().map(OneOffAidEntry::aid).toList(),
        permit.minimumValidityMonths());
  }

  private static List<EffectiveDated.Entry<AfisScale>> entries(List<ScaleEntry> scales) {
    Objects.requireNonNull(scales, "afis.scales");
    return scales.stream()
        .map(
            scale ->
                new EffectiveDated.Entry<>(
                    scale.effectiveFrom(),
                    new AfisScale(
                        scale.source(),
                        new AfisAmounts(
                            scale.byNumberOfChildren().stream()
                                .map(BenefitsProperties::cents)
                                .toList(),
                            cents(scale.eachFurtherChild())))))
        .toList();
  }

  private static long cents(BigDecimal euros) {
    return euros.movePointRight(2).longValueExact();
  }

  /**
   * @param minimumValidityMonths the shortest validity of a residence permit (CESEDA L425-4: six
   *     months)
   */
  record Permit(int minimumValidityMonths) {}

  /**
   * @param scales the AFIS scales of each territory
   * @param oneOffAids aids paid once with a month's AFIS
   * @param rsaRates the RSA flat rate for one person, which resources must stay below
   */
  record Afis(Scales scales, List<OneOffAidEntry> oneOffAids, List<RsaRateEntry> rsaRates) {}

  /** Mainland and Mayotte each have their succession of scales. */
  record Scales(List<ScaleEntry> mainland, List<ScaleEntry> mayotte) {}

  /**
   * The monthly AFIS amounts one text sets, from the day it takes effect.
   *
   * @param byNumberOfChildren monthly amount for a single person with 0, 1, 2… children
   * @param eachFurtherChild what each child beyond those listed adds
   */
  record ScaleEntry(
      LocalDate effectiveFrom,
      String source,
      List<BigDecimal> byNumberOfChildren,
      BigDecimal eachFurtherChild) {}

  /**
   * An aid paid once with the AFIS of {@code month} ({@code 2020-12}).
   *
   * @param singlePerson what it pays a person alone
   * @param eachChild what it adds for each dependent child
   */
  record OneOffAidEntry(
      String month, String source, BigDecimal singlePerson, BigDecimal eachChild) {

    OneOffAid aid() {
      return new OneOffAid(YearMonth.parse(month), source, cents(singlePerson), cents(eachChild));
    }
  }

  /** The RSA flat rate for one person, in euros a month, from {@code effectiveFrom}. */
  record RsaRateEntry(LocalDate effectiveFrom, BigDecimal singlePerson, String source) {}
}
