package fr.passerelle.dossier.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

  @Test
  void aDossierTouchedAtHalfPastMidnightInFranceCountsFromThatDayNotTheDayBeforeInUtc() {
    assertThat(RetentionSchedule.day(Instant.parse("2026-11-30T23:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(RetentionSchedule.day(Instant.parse("2026-07-14T21:59:00Z")))
        .as("summer time: 23:59 in France")
        .isEqualTo(LocalDate.of(2026, 7, 14));
  }
}
