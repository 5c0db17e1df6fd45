package fr.passerelle.decision.session.command;

import static fr.passerelle.decision.Sessions.aFirstConvocation;
import static fr.passerelle.decision.Sessions.aSecondConvocation;
import static fr.passerelle.decision.Sessions.opened;
import static org.hamcrest.Matchers.containsString;

import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.testsupport.TestClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommissionSessionTest {

  private AggregateTestFixture<CommissionSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CommissionSession.class);
    fixture.registerInjectableResource(new QuorumRule(new BigDecimal("0.5")));
    fixture.registerInjectableResource(TestClock.at(LocalDate.parse("2019-04-20")));
  }

  @Test
  void sessionWithHalfItsMembersPresentOrRepresentedSits() {
    var session = aFirstConvocation(8, 2);

    fixture.givenNoPriorActivity().when(session).expectEvents(opened(session));
  }

  @Test
  void sessionWithoutQuorumIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(aFirstConvocation(7, 2))
        .expectNoEvents()
        .expectException(QuorumNotReachedException.class)
        .expectExceptionMessage(containsString("9 membre(s) présent(s) ou représenté(s) sur 20"));
  }

  @Test
  void secondConvocationSitsWithoutQuorum() {
    var session = aSecondConvocation(5, 0);

    fixture.givenNoPriorActivity().when(session).expectEvents(opened(session));
  }

  @Test
  void aSessionIsRecordedOnceItSatNeverInTheFuture() {
    var tomorrow =
        new fr.passerelle.decision.session.api.OpenCommissionSessionCommand(
            "s-1", "31", LocalDate.parse("2019-04-21"), 20, 14, 2, false);

    fixture
        .givenNoPriorActivity()
        .when(tomorrow)
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }
}
