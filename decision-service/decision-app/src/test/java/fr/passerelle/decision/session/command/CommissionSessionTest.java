package fr.passerelle.decision.session.command;

import static fr.passerelle.decision.Sessions.aFirstConvocation;
import static fr.passerelle.decision.Sessions.aSecondConvocation;
import static fr.passerelle.decision.Sessions.opened;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommissionSessionTest {

  private AggregateTestFixture<CommissionSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CommissionSession.class);
    fixture.registerInjectableResource(new QuorumRule(new BigDecimal("0.5")));
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
}
