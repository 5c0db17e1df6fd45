package fr.passerelle.reporting.review.query;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.edge.DepartmentCode;
import org.junit.jupiter.api.Test;

class DepartementsTest {

  @Test
  void franceHasOneHundredAndOneDepartements() {
    assertThat(Departements.ALL).hasSize(101).doesNotHaveDuplicates();
    assertThat(Departements.ALL).allMatch(DepartmentCode::isValid);
  }

  @Test
  void corsicaHasTwoAndMayotteIsTheLast() {
    assertThat(Departements.ALL).contains("01", "19", "2A", "2B", "21", "95", "971", "974");
    assertThat(Departements.ALL).doesNotContain("20", "96", "975");
    assertThat(Departements.ALL).last().isEqualTo("976");
  }
}
