package fr.passerelle.benefits.beneficiary.command;

import static fr.passerelle.benefits.Beneficiaries.aValidation;
import static fr.passerelle.benefits.Beneficiaries.anyDossierId;
import static fr.passerelle.benefits.Beneficiaries.theRightsPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.benefits.Beneficiaries;
import fr.passerelle.benefits.beneficiary.api.OpenRightsCommand;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RightsPolicyTest {

  private final RightsPolicy policy = theRightsPolicy();

  @Test
  void nationalsOfFranceTheEeaAndSwitzerlandNeedNoPermit() {
    assertThat(List.of("FR", "DE", "GR", "IS", "LI", "NO", "CH")).noneMatch(policy::needsPermit);
    assertThat(List.of("NG", "CN", "GB", "BR")).allMatch(policy::needsPermit);
  }

  @Test
  void theFirstUnmetConditionIsTheReason() {
    var minorOnAdaAndRsa =
        aValidation(anyDossierId()).aged("UNDER_18").receivingAda().receivingRsa().command();
    var adultOnAdaAndRsa = aValidation(anyDossierId()).receivingAda().receivingRsa().command();

    assertThat(policy.assessAfis(minorOnAdaAndRsa, true))
        .isEqualTo(new AfisAssessment.Refused(AfisRefusalReason.UNDER_18));
    assertThat(policy.assessAfis(adultOnAdaAndRsa, true))
        .isEqualTo(new AfisAssessment.Refused(AfisRefusalReason.RECEIVES_ADA));
  }

  @Test
  void aForeignerWithoutPermitHasNoRightToWork() {
    var nigerian = aValidation(anyDossierId()).ofNationality("NG").command();

    assertThat(policy.assessAfis(nigerian, false))
        .isEqualTo(new AfisAssessment.Refused(AfisRefusalReason.NO_RIGHT_TO_WORK));
  }

  @Test
  void rsaMeansNoAfis() {
    var rsaRecipient = aValidation(anyDossierId()).receivingRsa().command();

    assertThat(policy.assessAfis(rsaRecipient, true))
        .isEqualTo(new AfisAssessment.Refused(AfisRefusalReason.RECEIVES_RSA));
  }

  @Test
  void resourcesMustBeStrictlyBelowTheRsaRate() {
    var roundRate =
        new RightsPolicy(
            Set.of("FR"),
            Beneficiaries.theAfisScales(),
            new EffectiveDated<>(
                "RSA",
                List.of(
                    new EffectiveDated.Entry<>(LocalDate.of(2018, 4, 1), new BigDecimal("550")))));

    assertThat(roundRate.assessAfis(withResources(549), true))
        .isInstanceOf(AfisAssessment.Granted.class);
    assertThat(roundRate.assessAfis(withResources(550), true))
        .isEqualTo(new AfisAssessment.Refused(AfisRefusalReason.RESOURCES_ABOVE_RSA));
  }

  @Test
  void theRsaRateInForceAtTheDecisionDateApplies() {
    // 575.52 € from 1 April 2022, 598.54 € from 1 July 2022.
    var beforeRevaluation = withResources(590, LocalDate.of(2022, 6, 30));
    var afterRevaluation = withResources(590, LocalDate.of(2022, 7, 1));

    assertThat(policy.assessAfis(beforeRevaluation, true))
        .isEqualTo(new AfisAssessment.Refused(AfisRefusalReason.RESOURCES_ABOVE_RSA));
    assertThat(policy.assessAfis(afterRevaluation, true))
        .isEqualTo(new AfisAssessment.Granted(43_200, Territory.MAINLAND));
  }

  @Test
  void mayotteHasItsOwnTerritory() {
    assertThat(RightsPolicy.territoryOf("976")).isEqualTo(Territory.MAYOTTE);
    assertThat(RightsPolicy.territoryOf("974")).isEqualTo(Territory.MAINLAND);
    assertThat(RightsPolicy.territoryOf("31")).isEqualTo(Territory.MAINLAND);
  }

  private static OpenRightsCommand withResources(int euros) {
    return withResources(euros, Beneficiaries.DECIDED_ON);
  }

  private static OpenRightsCommand withResources(int euros, LocalDate decidedOn) {
    return aValidation(anyDossierId())
        .ofNationality("FR")
        .withMonthlyResources(euros)
        .decidedOn(decidedOn)
        .command();
  }
}
