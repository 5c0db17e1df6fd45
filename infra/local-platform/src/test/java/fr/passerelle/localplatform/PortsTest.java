package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.localplatform.LocalPlatform.Ports;
import org.junit.jupiter.api.Test;

/**
 * The ports the test platforms take: {@code passerelle up}'s defaults shifted, 10000 for the
 * acceptance tests and the fuzzer, 5000 for the chaos suite. Every port stays below 32768, where
 * Linux picks the local ports of outgoing connections: a platform port among them may be taken for
 * a moment by any client, and the platform then fails to start.
 */
class PortsTest {

  @Test
  void theAcceptanceTestsTakeTheDefaultsShiftedBy10000() {
    assertThat(Ports.shiftedBy(10000))
        .isEqualTo(new Ports(18080, 18081, 18082, 18083, 18084, 25432, 29092, 29093));
  }

  @Test
  void theChaosSuiteTakesTheDefaultsShiftedBy5000() {
    assertThat(Ports.shiftedBy(5000))
        .isEqualTo(new Ports(13080, 13081, 13082, 13083, 13084, 20432, 24092, 24093));
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
