package fr.passerelle.benefits.config;

import fr.passerelle.benefits.beneficiary.command.AfisAmounts;
import fr.passerelle.benefits.beneficiary.command.AfisScale;
import fr.passerelle.benefits.beneficiary.command.AfisScales;
import fr.passerelle.benefits.beneficiary.command.EffectiveDated;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the rights a pathway opens, as law and decrees set them ({@code
 * passerelle.benefits.*}). Amounts are in euros; scales and rates are effective-dated.
 *
 * @param freeMovementNationalities ISO alpha-2 codes of nationals who need no residence permit:
 *     France, the other EU members, the EEA members and Switzerland
 * @param afisScales the AFIS scales, each with the day it took effect
 * @param rsaRates the RSA flat rate for one person, each with the day it took effect
 */
@ConfigurationProperties("passerelle.benefits")
record BenefitsProperties(
    List<String> freeMovementNationalities,
    List<AfisScaleEntry> afisScales,
    List<RsaRateEntry> rsaRates) {

  BenefitsProperties {
    Objects.requireNonNull(freeMovementNationalities, "free-movement-nationalities");
    Objects.requireNonNull(afisScales, "afis-scales");
    Objects.requireNonNull(rsaRates, "rsa-rates");
  }

  RightsPolicy rightsPolicy() {
    return new RightsPolicy(
        Set.copyOf(freeMovementNationalities),
        new AfisScales(
            afisScales.stream()
                .map(
                    scale ->
                        new EffectiveDated.Entry<>(
                            scale.effectiveFrom(),
                            new AfisScale(scale.mainland().cents(), scale.mayotte().cents())))
                .toList()),
        new EffectiveDated<>(
            "RSA flat rate for one person",
            rsaRates.stream()
                .map(rate -> new EffectiveDated.Entry<>(rate.effectiveFrom(), rate.singlePerson()))
                .toList()));
  }

  /** The AFIS amounts of one decree, mainland and Mayotte. */
  record AfisScaleEntry(LocalDate effectiveFrom, Amounts mainland, Amounts mayotte) {}

  /**
   * @param byNumberOfChildren monthly amount for a single person with 0, 1, 2… children
   * @param eachFurtherChild what each child beyond those listed adds
   */
  record Amounts(List<BigDecimal> byNumberOfChildren, BigDecimal eachFurtherChild) {

    AfisAmounts cents() {
      return new AfisAmounts(
          byNumberOfChildren.stream().map(Amounts::toCents).toList(), toCents(eachFurtherChild));
    }

    private static long toCents(BigDecimal euros) {
      return euros.movePointRight(2).longValueExact();
    }
  }

  /** The RSA flat rate for one person, in euros a month, from {@code effectiveFrom}. */
  record RsaRateEntry(LocalDate effectiveFrom, BigDecimal singlePerson) {}
}
