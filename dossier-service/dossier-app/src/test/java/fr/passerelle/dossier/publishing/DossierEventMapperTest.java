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

  @Test
  void anErasureIsDatedTheDayItWasInTheDossiersDepartement() {
    Instant parisNight = Instant.parse("2026-12-01T02:30:00Z");

    assertThat(erasedOn("972", parisNight))
        .as("22:30 on 30 November in Martinique")
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(erasedOn("974", Instant.parse("2026-11-30T22:30:00Z")))
        .as("02:30 on 1 December in La Réunion")
        .isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(erasedOn("2A", parisNight)).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  private static LocalDate erasedOn(String departmentCode, Instant erasedAt) {
    var erased =
        new fr.passerelle.dossier.intake.api.PersonalDataErased(
            "d-1", departmentCode, "p-1", ErasureReason.PERSON_REQUEST, erasedAt);
    return ((PersonalDataErased) new DossierEventMapper().map(erased).orElseThrow().data())
        .erasedOn();
  }
}
