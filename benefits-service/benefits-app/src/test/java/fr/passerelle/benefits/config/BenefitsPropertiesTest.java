package fr.passerelle.benefits.config;

import static fr.passerelle.benefits.Beneficiaries.aValidation;
import static fr.passerelle.benefits.Beneficiaries.anyDossierId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.benefits.beneficiary.command.AfisAssessment;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** The rules as application.yml configures them: the figures of domain.md. */
class BenefitsPropertiesTest {

  private final RightsPolicy policy = configured().rightsPolicy();

  @Test
  void onlyNationalsOutsideTheEeaAndSwitzerlandNeedAPermit() {
    assertThat(configured().freeMovementNationalities()).hasSize(31).contains("FR", "CH", "NO");
    assertThat(policy.needsPermit("NG")).isTrue();
    assertThat(policy.needsPermit("FR")).isFalse();
  }

  @Test
  void theAfisScaleIsTheDecrees() {
    assertThat(amount("31", 0)).isEqualTo(new AfisAssessment.Granted(33_000, Territory.MAINLAND));
    assertThat(amount("31", 3)).isEqualTo(new AfisAssessment.Granted(63_600, Territory.MAINLAND));
    assertThat(amount("31", 5)).isEqualTo(new AfisAssessment.Granted(84_000, Territory.MAINLAND));
    assertThat(amount("976", 1)).isEqualTo(new AfisAssessment.Granted(21_600, Territory.MAYOTTE));
    assertThat(amount("976", 4)).isEqualTo(new AfisAssessment.Granted(35_000, Territory.MAYOTTE));
  }

  @Test
  void theRsaRateFollowsItsRevaluations() {
    assertThat(resourcesBelowRsa(550, LocalDate.of(2018, 4, 1))).isTrue();
    assertThat(resourcesBelowRsa(551, LocalDate.of(2019, 3, 31))).isFalse();
    assertThat(resourcesBelowRsa(598, LocalDate.of(2022, 7, 1))).isTrue();
    assertThat(resourcesBelowRsa(635, LocalDate.of(2024, 4, 1))).isTrue();
    assertThat(resourcesBelowRsa(636, LocalDate.of(2024, 4, 1))).isFalse();
  }

  private AfisAssessment amount(String departmentCode, int children) {
    return policy.assessAfis(
        aValidation(anyDossierId())
            .ofNationality("FR")
            .inDepartment(departmentCode)
            .withChildren(children)
            .command(),
        false);
  }

  private boolean resourcesBelowRsa(int euros, LocalDate decidedOn) {
    var assessment =
        policy.assessAfis(
            aValidation(anyDossierId())
                .ofNationality("FR")
                .withMonthlyResources(euros)
                .decidedOn(decidedOn)
                .command(),
            false);
    return !assessment.equals(new AfisAssessment.Refused(AfisRefusalReason.RESOURCES_ABOVE_RSA));
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
