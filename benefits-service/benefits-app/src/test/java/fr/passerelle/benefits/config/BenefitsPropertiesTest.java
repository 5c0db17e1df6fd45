package fr.passerelle.benefits.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import fr.passerelle.benefits.beneficiary.command.AfisConditions;
import fr.passerelle.benefits.beneficiary.command.AfisMonth;
import fr.passerelle.benefits.beneficiary.command.AfisRight;
import fr.passerelle.benefits.beneficiary.command.NoAfisScaleException;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** The rules as application.yml configures them: the figures of the texts, with their dates. */
class BenefitsPropertiesTest {

  private final BenefitsProperties configured = configured();
  private final RightsPolicy policy = configured.rightsPolicy();

  @Test
  void onlyNationalsOutsideTheEeaAndSwitzerlandNeedAPermit() {
    assertThat(configured.freeMovementNationalities()).hasSize(31).contains("FR", "CH", "NO");
    assertThat(policy.needsPermit("NG")).isTrue();
    assertThat(policy.needsPermit("FR")).isFalse();
    assertThat(policy.permitMinimumMonths()).isEqualTo(6);
  }

  @Test
  void theMainlandScalesAreTheDecreesWithTheRevalorisationFromNovember2022() {
    assertThat(amount(Territory.MAINLAND, "2017-05", 0)).isEqualTo(33_000);
    assertThat(amount(Territory.MAINLAND, "2022-10", 1)).isEqualTo(43_200);
    assertThat(amount(Territory.MAINLAND, "2022-11", 1)).isEqualTo(44_928);
    assertThat(amount(Territory.MAINLAND, "2022-11", 3)).isEqualTo(66_144);
    assertThat(amount(Territory.MAINLAND, "2022-11", 4)).isEqualTo(76_752);
    assertThat(policy.afisScale(Territory.MAINLAND, YearMonth.of(2022, 11)).source())
        .isEqualTo("décret 2022-1340");
    assertThatThrownBy(() -> amount(Territory.MAINLAND, "2017-04", 0))
        .isInstanceOf(NoAfisScaleException.class);
  }

  @Test
  void mayotteHasItsOwnScaleRescaledInDecember2025() {
    assertThat(amount(Territory.MAYOTTE, "2022-10", 1)).isEqualTo(21_600);
    assertThat(amount(Territory.MAYOTTE, "2025-11", 1)).isEqualTo(22_464);
    assertThat(amount(Territory.MAYOTTE, "2025-12", 0)).isEqualTo(27_972);
    assertThat(amount(Territory.MAYOTTE, "2025-12", 3)).isEqualTo(43_884);
    assertThat(amount(Territory.MAYOTTE, "2025-12", 4)).isEqualTo(47_212);
  }

  @Test
  void theRsaRatesRunToTheCurrentYear() {
    assertThat(resourcesBelowRsa(64_651, "2025-04-01")).isTrue();
    assertThat(resourcesBelowRsa(64_652, "2025-04-01")).isFalse();
    assertThat(resourcesBelowRsa(65_232, "2026-04-01")).isTrue();
    assertThat(resourcesBelowRsa(65_233, "2026-11-29")).isFalse();
    assertThat(resourcesBelowRsa(59_853, "2022-07-01")).isTrue();
    assertThat(resourcesBelowRsa(59_853, "2022-06-30")).isFalse();
  }

  @Test
  void decret2020_1803sAidIsPaidWithDecember2020() {
    AfisRight right =
        AfisRight.granted(
            Territory.MAINLAND, LocalDate.of(2020, 11, 1), LocalDate.of(2021, 4, 30), 1);

    AfisMonth december = policy.due(right, YearMonth.of(2020, 12));

    assertThat(december).isInstanceOf(AfisMonth.Due.class);
    assertThat(((AfisMonth.Due) december).oneOffAidCents()).isEqualTo(25_000);
    assertThat(((AfisMonth.Due) december).oneOffAidReference()).isEqualTo("décret 2020-1803");
    assertThat(policy.due(right, YearMonth.of(2021, 5)))
        .isEqualTo(new AfisMonth.NotDue(YearMonth.of(2021, 5), PaymentOutcome.Status.NOT_DUE));
  }

  private long amount(Territory territory, String month, int children) {
    return policy.monthlyAmountCents(territory, YearMonth.parse(month), children);
  }

  private boolean resourcesBelowRsa(long cents, String requestedOn) {
    return !policy
        .unmetAfisConditions(
            new AfisConditions(
                "FROM_25_TO_34",
                "FR",
                ResidenceDocument.NONE,
                false,
                cents,
                LocalDate.parse(requestedOn),
                false,
                false))
        .contains(AfisRefusalReason.RESOURCES_ABOVE_RSA);
  }

  private static BenefitsProperties configured() {
    try {
      var sources = new MutablePropertySources();
      new YamlPropertySourceLoader()
          .load("application.yml", new ClassPathResource("application.yml"))
          .forEach(sources::addLast);
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind("passerelle.benefits", BenefitsProperties.class)
          .get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
