package fr.passerelle.decision.pathway.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.decision.Pathways;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierRegisteredTest {

  /** 22:30 on 13 March 2019 in Paris, already 01:30 on 14 March in La Réunion. */
  private static final Instant LATE_IN_PARIS = Instant.parse("2019-03-13T21:30:00Z");

  @Test
  void anOlderRegistrationIsDatedTheDayItWasRecordedInItsDepartement() {
    assertThat(recordedWithoutItsDate(Pathways.LA_REUNION).submissionDate())
        .isEqualTo(LocalDate.parse("2019-03-14"));
    assertThat(recordedWithoutItsDate(Pathways.HAUTE_GARONNE).submissionDate())
        .isEqualTo(LocalDate.parse("2019-03-13"));
  }

  private static DossierRegistered recordedWithoutItsDate(String department) {
    return new DossierRegistered(
        Pathways.anyDossierId(), department, LATE_IN_PARIS, Pathways.aProfile(), null);
  }
}
