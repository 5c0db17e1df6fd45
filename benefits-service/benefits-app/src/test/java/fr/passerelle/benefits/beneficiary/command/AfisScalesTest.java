package fr.passerelle.benefits.beneficiary.command;

import static fr.passerelle.benefits.Beneficiaries.theAfisScales;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import fr.passerelle.benefits.Beneficiaries;
import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfisScalesTest {

  private static final LocalDate IN_2019 = LocalDate.of(2019, 4, 18);

  private final AfisScales scales = theAfisScales();

  @Test
  void singlePersonGets330OnTheMainland() {
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAINLAND, 0)).isEqualTo(33_000);
  }

  @Test
  void eachChildAddsItsAmountUpToTheThird() {
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAINLAND, 1)).isEqualTo(43_200);
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAINLAND, 2)).isEqualTo(53_400);
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAINLAND, 3)).isEqualTo(63_600);
  }

  @Test
  void eachChildAfterTheThirdAdds102() {
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAINLAND, 4)).isEqualTo(73_800);
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAINLAND, 6)).isEqualTo(94_200);
  }

  @Test
  void mayotteHasItsOwnScale() {
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAYOTTE, 0)).isEqualTo(16_500);
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAYOTTE, 3)).isEqualTo(31_800);
    assertThat(scales.monthlyAmountCents(IN_2019, Territory.MAYOTTE, 5)).isEqualTo(38_200);
  }

  @Test
  void theScaleInForceAtTheDecisionDateApplies() {
    LocalDate revaluation = LocalDate.of(2025, 4, 1);
    var revalued =
        new AfisScale(
            new AfisAmounts(List.of(34_000L), 11_000L), new AfisAmounts(List.of(17_000L), 3_500L));
    var succession =
        new AfisScales(
            List.of(
                new EffectiveDated.Entry<>(LocalDate.of(2016, 4, 1), Beneficiaries.the2016Scale()),
                new EffectiveDated.Entry<>(revaluation, revalued)));

    assertThat(succession.monthlyAmountCents(revaluation.minusDays(1), Territory.MAINLAND, 1))
        .isEqualTo(43_200);
    assertThat(succession.monthlyAmountCents(revaluation, Territory.MAINLAND, 1)).isEqualTo(45_000);
  }

  @Test
  void aDecisionBeforeAnyScaleIsAConfigurationGap() {
    assertThatIllegalStateException()
        .isThrownBy(
            () -> scales.monthlyAmountCents(LocalDate.of(2016, 3, 31), Territory.MAINLAND, 0))
        .withMessageContaining("2016-03-31");
  }
}
