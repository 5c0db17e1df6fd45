package fr.passerelle.dossier.association.command;

import fr.passerelle.dossier.association.api.AssociationApproved;
import fr.passerelle.dossier.association.api.RegisterAssociationCommand;
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
}
