package fr.passerelle.decision.session.command;

import static fr.passerelle.decision.Sessions.aFirstConvocation;
import static fr.passerelle.decision.Sessions.aSecondConvocation;
import static fr.passerelle.decision.Sessions.convened;
import static fr.passerelle.decision.Sessions.opened;
import static fr.passerelle.decision.Sessions.usualMandates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import fr.passerelle.decision.Sessions;
import fr.passerelle.decision.session.api.Mandate;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.decision.session.api.SessionAttendance;
import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.testsupport.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommissionSessionTest {

  private AggregateTestFixture<CommissionSession> fixture;
  private Sessions.KnownSessions sessions;
  private final TestClock clock = TestClock.at(LocalDate.parse("2019-04-20"));

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CommissionSession.class);
    fixture.registerInjectableResource(new QuorumRule(new BigDecimal("0.5")));
    fixture.registerInjectableResource(clock);
    fixture.registerInjectableResource(Sessions.rosters());
    sessions = Sessions.knownSessions();
    fixture.registerInjectableResource(sessions);
  }

  @Test
  void sessionWithHalfItsMembersPresentOrRepresentedMayDeliberate() {
    var session = aFirstConvocation(8, usualMandates());

    fixture
        .givenNoPriorActivity()
        .when(session)
        .expectEvents(opened(session, true))
        .expectResultMessagePayload(new SessionAttendance(20, 8, 2, 10, true));
  }

  @Test
  void firstConvocationWithoutQuorumIsRecordedAsSuchAndMayNotDeliberate() {
    var session = aFirstConvocation(7, usualMandates());

    fixture
        .givenNoPriorActivity()
        .when(session)
        .expectEvents(opened(session, false))
        .expectResultMessagePayload(new SessionAttendance(20, 7, 2, 10, false));
  }

  @Test
  void secondConvocationAfterAFirstWithoutQuorumSitsWithoutQuorum() {
    var session = aSecondConvocation(5, Sessions.AWAITING_SECOND_CONVOCATION);

    fixture
        .givenNoPriorActivity()
        .when(session)
        .expectEvents(opened(session, false))
        .expectResultMessagePayload(new SessionAttendance(20, 5, 0, 10, true));
    assertThat(sessions.reconvened())
        .isEqualTo(Map.of(Sessions.AWAITING_SECOND_CONVOCATION, session.sessionId()));
  }

  @Test
  void aFirstConvocationHasOneSecondConvocationOnly() {
    fixture
        .givenNoPriorActivity()
        .when(aSecondConvocation(5, Sessions.WITHOUT_QUORUM))
        .expectNoEvents()
        .expectException(ConflictException.class)
        .expectExceptionMessage(containsString("a déjà sa seconde convocation"));
    assertThat(sessions.reconvened()).isEmpty();
  }

  @Test
  void secondConvocationAfterASessionThatHadItsQuorumIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(aSecondConvocation(5, Sessions.JUNE_SESSION))
        .expectNoEvents()
        .expectException(ConflictException.class)
        .expectExceptionMessage(containsString("a atteint son quorum"));
  }

  @Test
  void secondConvocationOfAnUnknownSessionIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(aSecondConvocation(5, "no-such-session"))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aMemberHoldsOneMandateAtMost() {
    fixture
        .givenNoPriorActivity()
        .when(aFirstConvocation(10, List.of(new Mandate("m15", "m02"), new Mandate("m16", "m02"))))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aMandateGoesFromAnAbsentMemberToAMemberPresent() {
    fixture
        .givenNoPriorActivity()
        .when(aFirstConvocation(10, List.of(new Mandate("m02", "m03"))))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
    fixture
        .givenNoPriorActivity()
        .when(aFirstConvocation(10, List.of(new Mandate("m15", "m16"))))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void membersMustBeTheCommissions() {
    fixture
        .givenNoPriorActivity()
        .when(
            new OpenCommissionSessionCommand(
                "s-1",
                "31",
                LocalDate.parse("2019-04-11"),
                "m01",
                List.of("m01", "m99"),
                List.of(),
                null))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void theChairIsPresent() {
    fixture
        .givenNoPriorActivity()
        .when(
            new OpenCommissionSessionCommand(
                "s-1",
                "31",
                LocalDate.parse("2019-04-11"),
                "m20",
                Sessions.present(12),
                List.of(),
                null))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aCommissionWithoutMembersCannotSit() {
    fixture
        .givenNoPriorActivity()
        .when(
            new OpenCommissionSessionCommand(
                "s-1", "75", LocalDate.parse("2019-04-11"), "m01", List.of("m01"), List.of(), null))
        .expectNoEvents()
        .expectException(ConflictException.class);
  }

  @Test
  void aSessionIsRecordedOnceItSatNeverInTheFuture() {
    var tomorrow =
        new OpenCommissionSessionCommand(
            "s-1",
            "31",
            LocalDate.parse("2019-04-21"),
            "m01",
            Sessions.present(14),
            List.of(),
            null);

    fixture
        .givenNoPriorActivity()
        .when(tomorrow)
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aSessionDatedTodayInLaReunionIsRecordedWhileParisIsStillOnTheDayBefore() {
    clock.set(Instant.parse("2026-11-30T22:30:00Z"));
    var session = sittingOn("974", "2026-12-01");

    fixture.givenNoPriorActivity().when(session).expectEvents(opened(session, true));
  }

  @Test
  void aMetropolitanSessionDatedTheNextDayIsRefusedWhileItIsTomorrowInLaReunion() {
    clock.set(Instant.parse("2026-11-30T22:30:00Z"));

    fixture
        .givenNoPriorActivity()
        .when(sittingOn("31", "2026-12-01"))
        .expectNoEvents()
        .expectException(futureSessionDate());
  }

  @Test
  void aSessionDatedParisTodayIsRefusedInMartiniqueWhereItIsStillTheDayBefore() {
    clock.set(Instant.parse("2026-12-01T02:30:00Z"));

    fixture
        .givenNoPriorActivity()
        .when(sittingOn("972", "2026-12-01"))
        .expectNoEvents()
        .expectException(futureSessionDate());
  }

  /** A usual session of {@code department}'s commission on {@code date}. */
  private static OpenCommissionSessionCommand sittingOn(String department, String date) {
    return new OpenCommissionSessionCommand(
        "s-1",
        department,
        LocalDate.parse(date),
        Sessions.CHAIR,
        Sessions.present(14),
        usualMandates(),
        null);
  }

  private static org.hamcrest.Matcher<InvalidRequestException> futureSessionDate() {
    return new org.hamcrest.TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(InvalidRequestException refusal) {
        return refusal.errors().stream()
            .anyMatch(
                error -> error.field().equals("date") && error.message().contains("date future"));
      }

      @Override
      public void describeTo(org.hamcrest.Description description) {
        description.appendText("a refusal of date saying date future");
      }
    };
  }

  @Test
  void membersAreConvenedFiveDaysAheadAtLeast() {
    var session = convened(aFirstConvocation(14, usualMandates()), "2019-04-06", false);

    fixture
        .givenNoPriorActivity()
        .when(session)
        .expectEvents(opened(session, true))
        .expectResultMessagePayload(new SessionAttendance(20, 14, 2, 10, true));
  }

  @Test
  void aShorterNoticeIsRefusedUnlessTheSessionWasCalledInUrgency() {
    fixture
        .givenNoPriorActivity()
        .when(convened(aFirstConvocation(14, usualMandates()), "2019-04-08", false))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);

    var urgent = convened(aFirstConvocation(14, usualMandates()), "2019-04-08", true);
    fixture.givenNoPriorActivity().when(urgent).expectEvents(opened(urgent, true));
  }

  @Test
  void aConvocationIsSentBeforeTheSession() {
    fixture
        .givenNoPriorActivity()
        .when(convened(aFirstConvocation(14, usualMandates()), "2019-04-12", true))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }
}
