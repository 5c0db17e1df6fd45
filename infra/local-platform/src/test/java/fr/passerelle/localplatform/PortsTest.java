package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.localplatform.LocalPlatform.Ports;
import org.junit.jupiter.api.Test;

/**
 * The ports the test platforms take: {@code passerelle up}'s defaults shifted, 10000 for the
 * acceptance tests and the fuzzer, 20000 for the chaos suite, as each module had them.
 */
class PortsTest {

  @Test
  void theAcceptanceTestsTakeTheDefaultsShiftedBy10000() {
    assertThat(Ports.shiftedBy(10000))
        .isEqualTo(new Ports(18080, 18081, 18082, 18083, 18084, 25432, 29092, 29093));
  }

  @Test
  void theChaosSuiteTakesTheDefaultsShiftedBy20000() {
    assertThat(Ports.shiftedBy(20000))
        .isEqualTo(new Ports(28080, 28081, 28082, 28083, 28084, 35432, 39092, 39093));
  }

  @Test
  void theCommandIsToldEveryPort() {
    assertThat(Ports.shiftedBy(11500).environment())
        .containsEntry("PASSERELLE_GATEWAY_PORT", "19580")
        .containsEntry("PASSERELLE_DOSSIER_PORT", "19581")
        .containsEntry("PASSERELLE_DECISION_PORT", "19582")
        .containsEntry("PASSERELLE_BENEFITS_PORT", "19583")
        .containsEntry("PASSERELLE_REPORTING_PORT", "19584")
        .containsEntry("PASSERELLE_POSTGRES_PORT", "26932")
        .containsEntry("PASSERELLE_KAFKA_PORT", "30592")
        .containsEntry("PASSERELLE_KAFKA_CONTROLLER_PORT", "30593")
        .hasSize(8);
  }
}
