package fr.passerelle.decision.session.command;

import fr.passerelle.decision.session.api.AppointMemberCommand;
import fr.passerelle.decision.session.api.MemberAppointed;
import fr.passerelle.decision.session.api.MemberCategory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommissionTest {

  private static final String COMMISSION = AppointMemberCommand.commissionOf("31");

  private AggregateTestFixture<Commission> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Commission.class);
  }

  @Test
  void aMemberIsNamedWithTheirCategory() {
    fixture
        .givenNoPriorActivity()
        .when(prosecutor())
        .expectEvents(
            new MemberAppointed(
                COMMISSION,
                "31",
                "m07",
                "Le procureur de la République",
                MemberCategory.JUSTICE,
                null));
  }

  @Test
  void theSameMemberSentAgainChangesNothing() {
    fixture
        .given(
            new MemberAppointed(
                COMMISSION,
                "31",
                "m07",
                "Le procureur de la République",
                MemberCategory.JUSTICE,
                null))
        .when(prosecutor())
        .expectNoEvents();
  }

  private static AppointMemberCommand prosecutor() {
    return new AppointMemberCommand(
        COMMISSION, "31", "m07", "Le procureur de la République", MemberCategory.JUSTICE, null);
  }
}
