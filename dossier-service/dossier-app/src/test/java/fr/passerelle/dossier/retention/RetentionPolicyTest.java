package fr.passerelle.dossier.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.dossier.events.ErasureReason;
import fr.passerelle.dossier.retention.RetentionPolicy.Erase;
import fr.passerelle.dossier.retention.RetentionPolicy.Facts;
import fr.passerelle.dossier.retention.RetentionPolicy.Stage;
import fr.passerelle.dossier.retention.RetentionPolicy.Wait;
import fr.passerelle.dossier.retention.RetentionPolicy.Warn;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private static final RetentionPolicy CNIL =
      new RetentionPolicy(Period.ofMonths(3), Period.ofYears(2), Period.ofDays(30));
  private static final LocalDate LAST = LocalDate.of(2026, 1, 15);

  @Test
  void aDraftIsAnnouncedThirtyDaysBeforeItsThreeMonthsThenErasedOnTheDay() {
    Facts draft = new Facts(Stage.DRAFT, LAST, null);
    LocalDate due = LocalDate.of(2026, 4, 15);

    assertThat(CNIL.next(draft, due.minusDays(31))).isEqualTo(new Wait());
    assertThat(CNIL.next(draft, due.minusDays(30)))
        .isEqualTo(new Warn(due, ErasureReason.DRAFT_NOT_SUBMITTED));

    Facts announced = new Facts(Stage.DRAFT, LAST, due);
    assertThat(CNIL.next(announced, due.minusDays(1))).isEqualTo(new Wait());
    assertThat(CNIL.next(announced, due)).isEqualTo(new Erase(ErasureReason.DRAFT_NOT_SUBMITTED));
  }

  @Test
  void aClosedPathwayIsKeptTwoYearsAfterTheLastContact() {
    Facts closed = new Facts(Stage.CLOSED, LAST, null);
    LocalDate due = LocalDate.of(2028, 1, 15);

    assertThat(CNIL.next(closed, due.minusDays(31))).isEqualTo(new Wait());
    assertThat(CNIL.next(closed, due.minusDays(30)))
        .isEqualTo(new Warn(due, ErasureReason.RETENTION_AFTER_LAST_CONTACT));
    assertThat(CNIL.next(new Facts(Stage.CLOSED, LAST, due), due))
        .isEqualTo(new Erase(ErasureReason.RETENTION_AFTER_LAST_CONTACT));
  }

  @Test
  void aRunningPathwayAndAnErasedDossierAreNeverSwept() {
    LocalDate muchLater = LAST.plusYears(10);

    assertThat(CNIL.next(new Facts(Stage.SUBMITTED, LAST, null), muchLater)).isEqualTo(new Wait());
    assertThat(CNIL.next(new Facts(Stage.ERASED, LAST, null), muchLater)).isEqualTo(new Wait());
  }

  @Test
  void aLateWarningStillGivesTheAssociationItsThirtyDays() {
    LocalDate today = LocalDate.of(2030, 6, 1);

    assertThat(CNIL.next(new Facts(Stage.CLOSED, LAST, null), today))
        .isEqualTo(new Warn(today.plusDays(30), ErasureReason.RETENTION_AFTER_LAST_CONTACT));
    assertThat(CNIL.next(new Facts(Stage.CLOSED, LAST, today.plusDays(30)), today.plusDays(29)))
        .isEqualTo(new Wait());
  }

  @Test
  void aContactAfterTheWarningMovesTheErasureAndCallsForANewWarning() {
    LocalDate firstDue = LocalDate.of(2028, 1, 15);
    LocalDate newContact = LAST.plusMonths(6);
    Facts moved = new Facts(Stage.CLOSED, newContact, firstDue);

    assertThat(CNIL.next(moved, firstDue)).isEqualTo(new Wait());
    assertThat(CNIL.next(moved, newContact.plusYears(2).minusDays(30)))
        .isEqualTo(new Warn(newContact.plusYears(2), ErasureReason.RETENTION_AFTER_LAST_CONTACT));
  }

  @Test
  void thePeriodsAreSettings() {
    var quick = new RetentionPolicy(Period.ofDays(10), Period.ofMonths(1), Period.ofDays(2));

    assertThat(quick.next(new Facts(Stage.DRAFT, LAST, null), LAST.plusDays(8)))
        .isEqualTo(new Warn(LAST.plusDays(10), ErasureReason.DRAFT_NOT_SUBMITTED));
    assertThatThrownBy(
            () -> new RetentionPolicy(Period.ofDays(-1), Period.ofYears(2), Period.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyDossierThatNeedsAStepIsAmongThoseLookedAt() {
    for (Stage stage : new Stage[] {Stage.DRAFT, Stage.CLOSED}) {
      for (LocalDate today = LocalDate.of(2027, 1, 1);
          today.isBefore(LocalDate.of(2029, 1, 1));
          today = today.plusDays(1)) {
        LocalDate lookBefore = CNIL.lookBefore(stage, today);
        for (int days = -5; days <= 5; days++) {
          LocalDate last = lookBefore.plusDays(days);
          if (!(CNIL.next(new Facts(stage, last, null), today) instanceof Wait)) {
            assertThat(last).as("%s on %s", stage, today).isBeforeOrEqualTo(lookBefore);
          }
        }
      }
    }
  }
}
