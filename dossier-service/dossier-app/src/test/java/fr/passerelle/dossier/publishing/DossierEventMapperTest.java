package fr.passerelle.dossier.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.dossier.events.ErasureReason;
import fr.passerelle.dossier.events.PersonalDataErased;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierEventMapperTest {

  @Test
  void anErasureAtHalfPastMidnightInFranceIsDatedThatDayNotTheDayBeforeInUtc() {
    var erased =
        new fr.passerelle.dossier.intake.api.PersonalDataErased(
            "d-1",
            "31",
            "p-1",
            ErasureReason.PERSON_REQUEST,
            Instant.parse("2026-11-30T23:30:00Z"));

    var published = new DossierEventMapper().map(erased).orElseThrow();

    assertThat(((PersonalDataErased) published.data()).erasedOn())
        .isEqualTo(LocalDate.of(2026, 12, 1));
  }
}
