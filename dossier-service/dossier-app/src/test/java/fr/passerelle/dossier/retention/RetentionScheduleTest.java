package fr.passerelle.dossier.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

  @Test
  void aDossierTouchedAtHalfPastMidnightInFranceCountsFromThatDayNotTheDayBeforeInUtc() {
    assertThat(RetentionSchedule.day(Instant.parse("2026-11-30T23:30:00Z"), "31"))
        .isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(RetentionSchedule.day(Instant.parse("2026-07-14T21:59:00Z"), "31"))
        .as("summer time: 23:59 in France")
        .isEqualTo(LocalDate.of(2026, 7, 14));
  }

  @Test
  void anOverseasDossierCountsFromTheDayItWasInItsDepartement() {
    assertThat(RetentionSchedule.day(Instant.parse("2026-11-30T22:30:00Z"), "974"))
        .as("02:30 on 1 December in La Réunion, 23:30 on 30 November in Paris")
        .isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(RetentionSchedule.day(Instant.parse("2026-12-01T02:30:00Z"), "972"))
        .as("22:30 on 30 November in Martinique, 03:30 on 1 December in Paris")
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
