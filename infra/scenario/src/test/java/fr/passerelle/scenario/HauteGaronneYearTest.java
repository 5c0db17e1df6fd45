package fr.passerelle.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario holds the article's facts, with dates the platform accepts; the platform must then
 * compute the facts back.
 */
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

  @Test
  void theCommissionSitsFromItsInstallationIn2018ToTheReviewOfThursday23January2020() {
    List<LocalDate> sessions = hauteGaronne.sessions();

    assertThat(sessions.get(0).getYear()).isEqualTo(2018);
    assertThat(sessions.get(sessions.size() - 1)).isEqualTo(LocalDate.of(2020, 1, 23));
    assertThat(sessions).isSorted().doesNotHaveDuplicates();
    assertThat(sessions)
        .allSatisfy(day -> assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY));
  }

  @Test
  void eachDossierIsSubmittedWhileItsAssociationIsApprovedAndBeforeItsSession() {
    for (DepartmentYear year : HauteGaronneYear.scenario()) {
      for (Beneficiary person : year.dossiers()) {
        var association = year.associations().get(person.association());
        LocalDate session = year.sessions().get(person.firstSession());

        assertThat(person.submittedOn())
            .isAfterOrEqualTo(association.approvedFrom())
            .isBeforeOrEqualTo(association.approvedUntil())
            .isBefore(session);
        assertThat(session.plusDays(ScenarioLoader.DECISION_DELAY_DAYS))
            .isBeforeOrEqualTo(HauteGaronneYear.REVIEWED_UNTIL);
      }
    }
  }

  /**
   * Follows each pathway's terms as decision-service computes them: six months from the decision,
   * each renewal from the end of the term before, decided after its session and before that term
   * ends, 24 months at most; an early end falls within the term it ends.
   */
  @Test
  void renewalsAndEndsFallWithinTheTermsTheyFollow() {
    for (Beneficiary person : hauteGaronne.dossiers()) {
      if (!person.validated()) {
        assertThat(person.renewalSessions()).isEmpty();
        continue;
      }
      LocalDate start = decidedAfter(person.firstSession());
      LocalDate termEnd = start.plusMonths(6).minusDays(1);
      int months = 6;
      int previous = person.firstSession();
      for (int session : person.renewalSessions()) {
        assertThat(session).isGreaterThan(previous);
        LocalDate requestedOn = hauteGaronne.sessions().get(session).minusWeeks(3);
        assertThat(requestedOn).isAfter(start);
        assertThat(decidedAfter(session)).isBeforeOrEqualTo(termEnd);
        termEnd = termEnd.plusMonths(6);
        months += 6;
        previous = session;
      }
      assertThat(months).isLessThanOrEqualTo(24);
      if (person.renewalRefusedAt() != null) {
        assertThat(person.renewalRefusedAt()).isGreaterThan(previous);
        assertThat(decidedAfter(person.renewalRefusedAt())).isBeforeOrEqualTo(termEnd);
      }
      if (person.end() != null) {
        assertThat(person.end().decidedOn()).isAfter(start).isBeforeOrEqualTo(termEnd);
      }
      boolean runningAtTheReview =
          person.end() == null
              && person.renewalRefusedAt() == null
              && !termEnd.isBefore(HauteGaronneYear.REVIEWED_UNTIL);
      if (person.employment() != null) {
        assertThat(runningAtTheReview).as("the employed run in January 2020").isTrue();
        assertThat(person.employmentStart())
            .isAfterOrEqualTo(start)
            .isBeforeOrEqualTo(HauteGaronneYear.REVIEWED_UNTIL);
      }
      if (person.trainingStart() != null) {
        assertThat(person.employment()).isNull();
        assertThat(person.trainingStart())
            .isAfterOrEqualTo(start)
            .isBeforeOrEqualTo(HauteGaronneYear.REVIEWED_UNTIL);
      }
    }
  }

  @Test
  void somePathwaysEndEarlyOrAreNotRenewedAndTheOthersRunInJanuary2020() {
    assertThat(hauteGaronne.dossiers())
        .filteredOn(person -> person.end() != null)
        .extracting(person -> person.end().reason())
        .containsExactlyInAnyOrder("PERSON_REQUEST", "PERSON_REQUEST", "COMMITMENTS_NOT_KEPT");
    assertThat(hauteGaronne.dossiers()).filteredOn(p -> p.renewalRefusedAt() != null).hasSize(1);
    assertThat(hauteGaronne.dossiers().stream().mapToInt(p -> p.renewalSessions().size()).sum())
        .isGreaterThan(28);
    assertThat(hauteGaronne.dossiers()).filteredOn(p -> p.trainingStart() != null).hasSize(3);
  }

  private LocalDate decidedAfter(int session) {
    return hauteGaronne.sessions().get(session).plusDays(ScenarioLoader.DECISION_DELAY_DAYS);
  }
}
