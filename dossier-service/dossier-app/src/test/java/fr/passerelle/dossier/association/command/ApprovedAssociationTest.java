package fr.passerelle.dossier.association.command;

import fr.passerelle.dossier.association.api.ApprovalRenewed;
import fr.passerelle.dossier.association.api.AssociationApproved;
import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
import fr.passerelle.dossier.association.api.RenewApprovalCommand;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ApprovedAssociationTest {

  private final AggregateTestFixture<ApprovedAssociation> fixture =
      new AggregateTestFixture<>(ApprovedAssociation.class);

  @Test
  void anAssociationIsApprovedForAPeriod() {
    var command =
        new RegisterAssociationCommand(
            "a-1", "31", "Amicale", LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 31));

    fixture
        .givenNoPriorActivity()
        .when(command)
        .expectEvents(
            new AssociationApproved(
                "a-1", "31", "Amicale", LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 31)));
  }

  @Test
  void anApprovalLongerThanThreeYearsIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterAssociationCommand(
                "a-1", "31", "Amicale", LocalDate.of(2018, 1, 1), LocalDate.of(2021, 1, 2)))
        .expectException(InvalidApprovalException.class)
        .expectNoEvents();
  }

  @Test
  void anApprovalEndingBeforeItStartsIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterAssociationCommand(
                "a-1", "31", "Amicale", LocalDate.of(2018, 1, 1), LocalDate.of(2017, 1, 1)))
        .expectException(InvalidApprovalException.class);
  }

  private static final AssociationApproved APPROVED =
      new AssociationApproved(
          "a-1", "31", "Amicale", LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 31));

  @Test
  void aRenewalFollowsTheApprovalInForceForThreeYearsAtMost() {
    fixture
        .given(APPROVED)
        .when(new RenewApprovalCommand("a-1", "31", LocalDate.of(2023, 12, 31)))
        .expectEvents(
            new ApprovalRenewed("a-1", "31", LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31)));
  }

  @Test
  void aRenewalOfMoreThanThreeYearsIsRefused() {
    fixture
        .given(APPROVED)
        .when(new RenewApprovalCommand("a-1", "31", LocalDate.of(2024, 1, 1)))
        .expectException(InvalidApprovalException.class)
        .expectNoEvents();
  }

  @Test
  void aRenewalEndingBeforeTheApprovalInForceIsRefused() {
    fixture
        .given(
            APPROVED,
            new ApprovalRenewed("a-1", "31", LocalDate.of(2021, 1, 1), LocalDate.of(2022, 6, 30)))
        .when(new RenewApprovalCommand("a-1", "31", LocalDate.of(2022, 6, 30)))
        .expectException(InvalidApprovalException.class)
        .expectNoEvents();
  }

  @Test
  void anAssociationOfAnotherDepartementIsNotFound() {
    fixture
        .given(APPROVED)
        .when(new RenewApprovalCommand("a-1", "75", LocalDate.of(2023, 12, 31)))
        .expectException(UnknownAssociationException.class)
        .expectNoEvents();
  }
}
