package fr.passerelle.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DepartmentCodeTest {

  /** 22:30 UTC on 30 November: 23:30 in Paris, already 1 December in Réunion and Mayotte. */
  private static final Clock LATE_EVENING =
      Clock.fixed(Instant.parse("2026-11-30T22:30:00Z"), ZoneOffset.UTC);

  /** 02:30 UTC on 1 December: 03:30 in Paris, still 30 November in the Antilles and Guyane. */
  private static final Clock NIGHT =
      Clock.fixed(Instant.parse("2026-12-01T02:30:00Z"), ZoneOffset.UTC);

  @Test
  void aMetropolitanDepartementCountsItsDaysInParis() {
    assertThat(DepartmentCode.today("31", LATE_EVENING)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(DepartmentCode.today("2A", NIGHT)).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void reunionAndMayotteAreAlreadyInTomorrowWhenParisIsNot() {
    assertThat(DepartmentCode.today("974", LATE_EVENING)).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(DepartmentCode.today("976", LATE_EVENING)).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void theAntillesAndGuyaneAreStillInYesterdayWhenParisIsNot() {
    assertThat(DepartmentCode.today("971", NIGHT)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(DepartmentCode.today("972", NIGHT)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(DepartmentCode.today("973", NIGHT)).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void saintPierreEtMiquelonHasItsOwnZoneAndNoCodeCountsInParis() {
    assertThat(DepartmentCode.zone("975")).isEqualTo(java.time.ZoneId.of("America/Miquelon"));
    assertThat(DepartmentCode.zone(null)).isEqualTo(DepartmentCode.METROPOLE);
  }

  @Test
  void theLatestTodayIsReunionsInTheEveningAndParissAtNight() {
    assertThat(DepartmentCode.latestToday(LATE_EVENING)).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(DepartmentCode.latestToday(NIGHT)).isEqualTo(LocalDate.of(2026, 12, 1));
    Clock beforeParisMidnight = Clock.fixed(Instant.parse("2026-11-30T19:30:00Z"), ZoneOffset.UTC);
    assertThat(DepartmentCode.latestToday(beforeParisMidnight))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
