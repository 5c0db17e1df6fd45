package fr.passerelle.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario holds the article's facts; the platform must then compute them back. */
class HauteGaronneYearTest {

  private final DepartmentYear hauteGaronne = HauteGaronneYear.hauteGaronne();

  @Test
  void twentyMembersAmongThemTheThreeApprovedAssociations() {
    assertThat(hauteGaronne.commission()).hasSize(20);
    assertThat(hauteGaronne.commission())
        .filteredOn(seat -> seat.association() != null)
        .extracting(CommissionSeat::association)
        .containsExactly(0, 1, 2);
    assertThat(hauteGaronne.commission())
        .extracting(CommissionSeat::category)
        .contains("STATE_SERVICES", "JUSTICE", "LOCAL_AUTHORITIES", "HEALTH", "ASSOCIATIONS");
  }

  @Test
  void thirtyDossiersOfWhichTwentyEightValidated() {
    assertThat(hauteGaronne.dossiers()).hasSize(30);
    assertThat(hauteGaronne.validated()).isEqualTo(28);
  }

  @Test
  void twentySevenNigerianTraffickingVictimsAmongTheValidated() {
    assertThat(
            hauteGaronne.dossiers().stream()
                .filter(Beneficiary::validated)
                .filter(b -> b.nationality().equals("NG") && b.traffickingVictim()))
        .hasSize(27);
  }

  @Test
  void elevenInEmploymentOfWhichSevenOnCdi() {
    List<Beneficiary> employed =
        hauteGaronne.dossiers().stream().filter(b -> b.employment() != null).toList();

    assertThat(employed).hasSize(11);
    assertThat(employed).filteredOn(b -> b.employment().equals("CDI")).hasSize(7);
  }

  @Test
  void hauteGaronneIsJustAboveTenPercentOfTheCountry() {
    long national = HauteGaronneYear.scenario().stream().mapToLong(DepartmentYear::validated).sum();

    assertThat(28.0 / national).isGreaterThan(0.10).isLessThan(0.11);
  }
}
