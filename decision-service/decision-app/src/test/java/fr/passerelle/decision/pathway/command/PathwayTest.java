package fr.passerelle.decision.pathway.command;

import static fr.passerelle.decision.Pathways.DECISION;
import static fr.passerelle.decision.Pathways.HAUTE_GARONNE;
import static fr.passerelle.decision.Pathways.LA_REUNION;
import static fr.passerelle.decision.Pathways.MARTINIQUE;
import static fr.passerelle.decision.Pathways.PARIS;
import static fr.passerelle.decision.Pathways.START_DATE;
import static fr.passerelle.decision.Pathways.aProfileWithoutAgeBand;
import static fr.passerelle.decision.Pathways.aRefusal;
import static fr.passerelle.decision.Pathways.aRegistration;
import static fr.passerelle.decision.Pathways.aRenewal;
import static fr.passerelle.decision.Pathways.aRenewalRequest;
import static fr.passerelle.decision.Pathways.aVote;
import static fr.passerelle.decision.Pathways.anAuthorisation;
import static fr.passerelle.decision.Pathways.anOpinion;
import static fr.passerelle.decision.Pathways.anyDossierId;
import static fr.passerelle.decision.Pathways.authorised;
import static fr.passerelle.decision.Pathways.awaitingDecisionIn;
import static fr.passerelle.decision.Pathways.lastDayOfTerm;
import static fr.passerelle.decision.Pathways.opinionRecorded;
import static fr.passerelle.decision.Pathways.placedOnAgenda;
import static fr.passerelle.decision.Pathways.placing;
import static fr.passerelle.decision.Pathways.recorded;
import static fr.passerelle.decision.Pathways.refused;
import static fr.passerelle.decision.Pathways.registered;
import static fr.passerelle.decision.Pathways.renewalStudied;
import static fr.passerelle.decision.Pathways.renewed;
import static fr.passerelle.decision.Pathways.runningWithRenewals;
import static fr.passerelle.decision.Sessions.APRIL_SESSION;
import static fr.passerelle.decision.Sessions.JUNE_SESSION;
import static fr.passerelle.decision.Sessions.PARIS_SESSION;
import static fr.passerelle.decision.Sessions.WITH_THE_ASSOCIATION;
import static fr.passerelle.decision.Sessions.knownSessions;
import static fr.passerelle.decision.events.Opinion.ADJOURNED;
import static fr.passerelle.decision.events.Opinion.FAVOURABLE;
import static fr.passerelle.decision.events.Opinion.UNFAVOURABLE;

import fr.passerelle.decision.Pathways;
import fr.passerelle.decision.Sessions;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.decision.events.RenewalRefusalReason;
import fr.passerelle.decision.pathway.api.AuthorisedTerm;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.EndPathwayCommand;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayEnded;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.api.RefuseRenewalCommand;
import fr.passerelle.decision.pathway.api.RenewPathwayCommand;
import fr.passerelle.decision.pathway.api.RenewalRequestDeclined;
import fr.passerelle.decision.pathway.api.RenewalRequestDeclined.DeclineReason;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathwayTest {

  private static final Duration GRACE = Duration.ofDays(30);

  private final String dossierId = anyDossierId();
  private final TestClock clock = TestClock.at(LocalDate.parse("2019-04-20"));
  private AggregateTestFixture<Pathway> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Pathway.class);
    fixture.registerInjectableResource(knownSessions());
    fixture.registerInjectableResource(new AuthorisationTerm(6, 24));
    fixture.registerInjectableResource(new TermEnd(GRACE));
    fixture.registerInjectableResource(clock);
  }

  @Test
  void submittedDossierAwaitsASession() {
    fixture
        .givenNoPriorActivity()
        .when(aRegistration(dossierId))
        .expectEvents(registered(dossierId));
  }

  @Test
  void redeliveredSubmissionIsIgnored() {
    fixture
        .given(registered(dossierId))
        .when(aRegistration(dossierId))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void placingOnAgendaRemembersTheSessionAndItsDate() {
    fixture
        .given(registered(dossierId))
        .when(placing(dossierId, APRIL_SESSION))
        .expectEvents(placedOnAgenda(dossierId, APRIL_SESSION));
  }

  @Test
  void dossierOfAnotherDepartementIsNotFound() {
    fixture
        .given(registered(dossierId))
        .when(new PlaceOnAgendaCommand(dossierId, PARIS, PARIS_SESSION))
        .expectNoEvents()
        .expectException(DossierNotFoundException.class);
  }

  @Test
  void sessionOfAnotherDepartementIsNotFound() {
    fixture
        .given(registered(dossierId))
        .when(placing(dossierId, PARIS_SESSION))
        .expectNoEvents()
        .expectException(SessionNotFoundException.class);
  }

  @Test
  void anAuthorisedPathwayGoesBackOnAnAgendaOnlyThroughARenewalRequest() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE),
            authorised(dossierId, LocalDate.parse("2019-10-31")))
        .when(placing(dossierId, JUNE_SESSION))
        .expectNoEvents()
        .expectException(NoRequestPendingException.class);
  }

  @Test
  void opinionOnADossierOffTheSessionsAgendaIsRefused() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(anOpinion(dossierId, JUNE_SESSION, FAVOURABLE))
        .expectNoEvents()
        .expectException(NotOnAgendaException.class);
  }

  @Test
  void opinionOfTheMajorityIsRecorded() {
    var vote = aVote(dossierId, APRIL_SESSION, UNFAVOURABLE, 3, 11, true);

    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(vote)
        .expectEvents(recorded(vote));
  }

  @Test
  void opinionMustFollowTheMajority() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(aVote(dossierId, APRIL_SESSION, FAVOURABLE, 3, 11, true))
        .expectNoEvents()
        .expectException(OpinionContradictsVoteException.class);
  }

  @Test
  void chairBreaksATie() {
    var vote = aVote(dossierId, APRIL_SESSION, FAVOURABLE, 7, 7, true);

    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(vote)
        .expectEvents(recorded(vote));
  }

  @Test
  void tieWithTheChairAgainstIsNotFavourable() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(aVote(dossierId, APRIL_SESSION, FAVOURABLE, 7, 7, false))
        .expectNoEvents()
        .expectException(OpinionContradictsVoteException.class);
  }

  @Test
  void adjournmentIsRecordedWhateverTheVotes() {
    var vote = aVote(dossierId, APRIL_SESSION, ADJOURNED, 12, 2, true);

    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(vote)
        .expectEvents(recorded(vote));
  }

  @Test
  void adjournedDossierAwaitsAnotherSession() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, ADJOURNED))
        .when(placing(dossierId, JUNE_SESSION))
        .expectEvents(placedOnAgenda(dossierId, JUNE_SESSION));
  }

  @Test
  void adjournedDossierCannotBeDecided() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, ADJOURNED))
        .when(anAuthorisation(dossierId))
        .expectNoEvents()
        .expectException(OpinionRequiredException.class);
  }

  @Test
  void decisionWithoutOpinionIsRefused() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(aRefusal(dossierId))
        .expectNoEvents()
        .expectException(OpinionRequiredException.class);
  }

  @Test
  void authorisationLastsSixMonths() {
    LocalDate lastDay = LocalDate.parse("2019-10-31");

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .when(anAuthorisation(dossierId))
        .expectEvents(authorised(dossierId, lastDay))
        .expectResultMessagePayload(new AuthorisedTerm(1, START_DATE, lastDay, 6));
  }

  @Test
  void prefectMayAuthoriseAfterAnUnfavourableOpinion() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, UNFAVOURABLE))
        .when(anAuthorisation(dossierId))
        .expectEvents(authorised(dossierId, LocalDate.parse("2019-10-31")));
  }

  @Test
  void dossierWithoutAgeBandCannotBeAuthorised() {
    fixture
        .given(
            registered(dossierId, aProfileWithoutAgeBand()),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .when(anAuthorisation(dossierId))
        .expectNoEvents()
        .expectException(AgeBandUnknownException.class);
  }

  @Test
  void refusalKeepsItsReason() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, UNFAVOURABLE))
        .when(aRefusal(dossierId))
        .expectEvents(refused(dossierId));
  }

  @Test
  void secondDecisionIsRefused() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE),
            authorised(dossierId, LocalDate.parse("2019-10-31")))
        .when(aRefusal(dossierId))
        .expectNoEvents()
        .expectException(AlreadyDecidedException.class);
  }

  @Test
  void decisionThroughAnotherDepartementIsNotFound() {
    var refusal = aRefusal(dossierId);

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .when(
            new RefusePathwayCommand(
                dossierId,
                PARIS,
                refusal.decisionId(),
                refusal.decidedOn(),
                refusal.reason(),
                null))
        .expectNoEvents()
        .expectException(DossierNotFoundException.class);
  }

  // The pathway's life: renewals up to 24 months, ends.

  @Test
  void renewalChainReachesTwentyFourMonths() {
    clock.setDay(LocalDate.parse("2021-01-01"));
    List<Object> history = new ArrayList<>(runningWithRenewals(dossierId, 2));
    history.addAll(renewalStudied(dossierId, 4));

    fixture
        .given(history)
        .when(aRenewal(dossierId, 4))
        .expectEvents(renewed(dossierId, 4))
        .expectResultMessagePayload(
            new AuthorisedTerm(4, lastDayOfTerm(3).plusDays(1), lastDayOfTerm(4), 24));
  }

  @Test
  void renewalBeyondTwentyFourMonthsIsRefused() {
    clock.setDay(LocalDate.parse("2021-01-01"));
    List<Object> history = new ArrayList<>(runningWithRenewals(dossierId, 2));
    history.addAll(renewalStudied(dossierId, 4));
    var twelveMonths =
        new RenewPathwayCommand(
            dossierId, HAUTE_GARONNE, DECISION, Pathways.renewalDecidedOn(4), 12, null);

    fixture
        .given(history)
        .when(twelveMonths)
        .expectNoEvents()
        .expectException(MaximumDurationExceededException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("18 mois déjà autorisés"));
  }

  @Test
  void aFifthTermIsRefusedWithTheMaximumAsItsReason() {
    clock.setDay(LocalDate.parse("2021-06-01"));

    fixture
        .given(runningWithRenewals(dossierId, 3))
        .when(aRenewal(dossierId, 5))
        .expectNoEvents()
        .expectException(MaximumDurationExceededException.class);
  }

  @Test
  void aRenewalRequestPastTwentyFourMonthsIsDeclinedNotStudied() {
    var request = aRenewalRequest(dossierId, 5);

    fixture
        .given(runningWithRenewals(dossierId, 3))
        .when(request)
        .expectEvents(
            new RenewalRequestDeclined(
                dossierId,
                HAUTE_GARONNE,
                request.requestId(),
                request.requestedOn(),
                DeclineReason.MAXIMUM_DURATION_REACHED));
  }

  @Test
  void aRenewalRequestIsRegisteredOnce() {
    fixture
        .given(runningWithRenewals(dossierId, 0))
        .andGiven(Pathways.renewalRequested(dossierId, 2))
        .when(aRenewalRequest(dossierId, 2))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void termShorterThanSixMonthsIsRefused() {
    clock.setDay(LocalDate.parse("2020-01-01"));
    List<Object> history = new ArrayList<>(runningWithRenewals(dossierId, 0));
    history.addAll(renewalStudied(dossierId, 2));

    fixture
        .given(history)
        .when(
            new RenewPathwayCommand(
                dossierId, HAUTE_GARONNE, DECISION, Pathways.renewalDecidedOn(2), 3, null))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void renewalNeedsTheCommissionsOpinion() {
    clock.setDay(LocalDate.parse("2020-01-01"));

    fixture
        .given(runningWithRenewals(dossierId, 0))
        .andGiven(Pathways.renewalRequested(dossierId, 2))
        .when(aRenewal(dossierId, 2))
        .expectNoEvents()
        .expectException(OpinionRequiredException.class);
  }

  @Test
  void aPathwayEndsAtItsTermOnceTheGraceHasPassed() {
    Instant dayAfterTerm = Instant.parse("2019-10-31T23:00:00Z");

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .andGivenCurrentTime(clock.instant())
        .andGivenCommands(anAuthorisation(dossierId))
        .whenTimeAdvancesTo(dayAfterTerm.plus(GRACE))
        .expectEvents(endedAtTerm(1, LocalDate.parse("2019-10-31"), 6));
  }

  @Test
  void aPathwayDoesNotEndBeforeTheGraceHasPassed() {
    Instant dayAfterTerm = Instant.parse("2019-10-31T23:00:00Z");

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .andGivenCurrentTime(clock.instant())
        .andGivenCommands(anAuthorisation(dossierId))
        .whenTimeAdvancesTo(dayAfterTerm.plus(GRACE).minusSeconds(60))
        .expectNoEvents();
  }

  @Test
  void aPastTermEnteredTodayEndsAGraceAfterItWasEntered() {
    clock.setDay(LocalDate.parse("2026-11-20"));

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .andGivenCurrentTime(clock.instant())
        .when(anAuthorisation(dossierId))
        .expectScheduledDeadlineWithName(clock.instant().plus(GRACE), TermEndDue.NAME);
  }

  @Test
  void aPendingRenewalRequestHoldsTheEndAtTerm() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .andGivenCurrentTime(clock.instant())
        .andGivenCommands(anAuthorisation(dossierId), aRenewalRequest(dossierId, 2))
        .whenTimeAdvancesTo(Instant.parse("2020-06-01T00:00:00Z"))
        .expectNoEvents();
  }

  @Test
  void aRefusedRenewalEndsThePathwayAtItsTermDatedItsLastDay() {
    String session = Pathways.renewalSession(2);
    var refusal =
        new RefuseRenewalCommand(
            dossierId,
            HAUTE_GARONNE,
            DECISION,
            Pathways.renewalDecidedOn(2),
            RenewalRefusalReason.COMMITMENTS_NOT_KEPT,
            "Engagements non tenus");
    clock.setDay(LocalDate.parse("2019-10-20"));

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .andGivenCurrentTime(clock.instant())
        .andGivenCommands(
            anAuthorisation(dossierId),
            aRenewalRequest(dossierId, 2),
            placing(dossierId, session),
            aVote(dossierId, session, UNFAVOURABLE, 3, 11, true),
            refusal)
        .whenTimeAdvancesTo(Instant.parse("2019-10-31T23:00:01Z"))
        .expectEvents(endedAtTerm(1, LocalDate.parse("2019-10-31"), 6));
  }

  @Test
  void thePrefetEndsAPathwayEarly() {
    clock.setDay(LocalDate.parse("2019-08-10"));
    LocalDate decidedOn = LocalDate.parse("2019-08-01");

    fixture
        .given(runningWithRenewals(dossierId, 0))
        .when(
            new EndPathwayCommand(
                dossierId,
                HAUTE_GARONNE,
                DECISION,
                decidedOn,
                EndReason.COMMITMENTS_NOT_KEPT,
                null,
                "Engagements non tenus"))
        .expectEvents(
            new PathwayEnded(
                dossierId,
                HAUTE_GARONNE,
                DECISION,
                EndReason.COMMITMENTS_NOT_KEPT,
                decidedOn,
                decidedOn,
                1,
                6));
  }

  @Test
  void aRenewedPathwayCanBeEndedBeforeItsRenewedTermBegins() {
    LocalDate decidedOn = Pathways.renewalDecidedOn(2).plusDays(2);
    clock.setDay(decidedOn);

    fixture
        .given(runningWithRenewals(dossierId, 1))
        .when(
            new EndPathwayCommand(
                dossierId,
                HAUTE_GARONNE,
                DECISION,
                decidedOn,
                EndReason.PERSON_REQUEST,
                null,
                "À sa demande"))
        .expectEvents(
            new PathwayEnded(
                dossierId,
                HAUTE_GARONNE,
                DECISION,
                EndReason.PERSON_REQUEST,
                decidedOn,
                decidedOn,
                1,
                6));
  }

  @Test
  void anEndBeforeTheTermInForceIsRefusedAfterARenewal() {
    clock.setDay(LocalDate.parse("2019-12-10"));

    fixture
        .given(runningWithRenewals(dossierId, 1))
        .when(
            new EndPathwayCommand(
                dossierId,
                HAUTE_GARONNE,
                DECISION,
                LocalDate.parse("2019-12-01"),
                EndReason.PERSON_REQUEST,
                LocalDate.parse("2019-10-15"),
                "À sa demande"))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void commandsOnAnEndedPathwayAreRefused() {
    clock.setDay(LocalDate.parse("2019-09-01"));
    List<Object> history = new ArrayList<>(runningWithRenewals(dossierId, 0));
    history.add(
        new PathwayEnded(
            dossierId,
            HAUTE_GARONNE,
            DECISION,
            EndReason.PERSON_REQUEST,
            LocalDate.parse("2019-08-01"),
            LocalDate.parse("2019-08-01"),
            1,
            6));

    fixture
        .given(history)
        .when(aRenewal(dossierId, 2))
        .expectNoEvents()
        .expectException(PathwayEndedException.class);
    fixture
        .given(history)
        .when(placing(dossierId, JUNE_SESSION))
        .expectNoEvents()
        .expectException(PathwayEndedException.class);
    fixture
        .given(history)
        .when(aRenewalRequest(dossierId, 2))
        .expectEvents(
            new RenewalRequestDeclined(
                dossierId,
                HAUTE_GARONNE,
                "request-2",
                Pathways.renewalRequested(dossierId, 2).requestedOn(),
                DeclineReason.PATHWAY_ENDED));
  }

  // Dates are facts of the world.

  @Test
  void aDecisionBeforeItsSessionIsRefused() {
    var theDayBefore =
        new fr.passerelle.decision.pathway.api.AuthorisePathwayCommand(
            dossierId,
            HAUTE_GARONNE,
            DECISION,
            LocalDate.parse("2019-04-10"),
            START_DATE,
            null,
            null);

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .when(theDayBefore)
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aDecisionInTheFutureIsRefused() {
    clock.setDay(LocalDate.parse("2019-04-15"));

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE))
        .when(anAuthorisation(dossierId))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  /** 23:30 on 30 November in Paris, already 1 December in La Réunion. */
  private static final Instant PARIS_EVENING = Instant.parse("2026-11-30T22:30:00Z");

  /** 03:30 on 1 December in Paris, still 30 November in Martinique. */
  private static final Instant MARTINIQUE_EVENING = Instant.parse("2026-12-01T02:30:00Z");

  private static final LocalDate DECEMBER_1 = LocalDate.parse("2026-12-01");
  private static final LocalDate SESSION_DAY = LocalDate.parse("2026-11-26");

  @Test
  void aDecisionDatedTodayInLaReunionIsAcceptedWhileParisIsStillOnTheDayBefore() {
    clock.set(PARIS_EVENING);

    fixture
        .given(awaitingDecisionIn(dossierId, LA_REUNION, SESSION_DAY))
        .when(Pathways.anAuthorisation(dossierId, LA_REUNION, DECEMBER_1))
        .expectEvents(
            new PathwayAuthorised(
                dossierId,
                LA_REUNION,
                DECISION,
                Pathways.aProfile(),
                DECEMBER_1,
                DECEMBER_1,
                LocalDate.parse("2027-05-31")));
  }

  @Test
  void aMetropolitanDecisionDatedTheNextDayIsRefusedWhileItIsTomorrowInLaReunion() {
    clock.set(PARIS_EVENING);

    fixture
        .given(awaitingDecisionIn(dossierId, HAUTE_GARONNE, SESSION_DAY))
        .when(Pathways.anAuthorisation(dossierId, HAUTE_GARONNE, DECEMBER_1))
        .expectNoEvents()
        .expectException(
            fieldError("decidedOn", "date future : au plus aujourd'hui, le 30 novembre 2026"));
  }

  @Test
  void aDecisionDatedParisTodayIsRefusedInMartiniqueWhereItIsStillTheDayBefore() {
    clock.set(MARTINIQUE_EVENING);

    fixture
        .given(awaitingDecisionIn(dossierId, MARTINIQUE, SESSION_DAY))
        .when(Pathways.anAuthorisation(dossierId, MARTINIQUE, DECEMBER_1))
        .expectNoEvents()
        .expectException(
            fieldError("decidedOn", "date future : au plus aujourd'hui, le 30 novembre 2026"));
  }

  @Test
  void anEndDatedParisTodayIsRefusedInMartiniqueWhereItIsStillTheDayBefore() {
    clock.set(MARTINIQUE_EVENING);
    List<Object> running = new ArrayList<>(awaitingDecisionIn(dossierId, MARTINIQUE, SESSION_DAY));
    running.add(
        new PathwayAuthorised(
            dossierId,
            MARTINIQUE,
            DECISION,
            Pathways.aProfile(),
            SESSION_DAY,
            SESSION_DAY,
            LocalDate.parse("2027-05-25")));

    fixture
        .given(running)
        .when(
            new EndPathwayCommand(
                dossierId, MARTINIQUE, DECISION, DECEMBER_1, EndReason.PERSON_REQUEST, null, null))
        .expectNoEvents()
        .expectException(
            fieldError("decidedOn", "date future : au plus aujourd'hui, le 30 novembre 2026"));
  }

  @Test
  void aTermEndsOnceItsLastDayIsOverInItsDepartement() {
    clock.set(PARIS_EVENING);
    Instant juneFirstInLaReunion = Instant.parse("2027-05-31T20:00:00Z");

    fixture
        .given(awaitingDecisionIn(dossierId, LA_REUNION, SESSION_DAY))
        .andGivenCurrentTime(clock.instant())
        .when(Pathways.anAuthorisation(dossierId, LA_REUNION, DECEMBER_1))
        .expectScheduledDeadlineWithName(juneFirstInLaReunion.plus(GRACE), TermEndDue.NAME);
  }

  @Test
  void aDossierEnteredTodayWithAPastDateGoesOnTheSessionsThatFollowThatDate() {
    var enteredLater =
        new DossierRegistered(
            dossierId,
            HAUTE_GARONNE,
            Instant.parse("2026-11-29T09:00:00Z"),
            Pathways.aProfile(),
            LocalDate.parse("2019-03-14"));

    fixture
        .given(enteredLater)
        .when(placing(dossierId, APRIL_SESSION))
        .expectSuccessfulHandlerExecution();
    fixture
        .given(enteredLater)
        .when(placing(dossierId, Sessions.renewalSession(LocalDate.parse("2019-03-01"))))
        .expectNoEvents()
        .expectException(fieldError("sessionId", "séance antérieure au dépôt du dossier"));
  }

  @Test
  void aRegistrationRecordedWithoutTheSubmissionsDateIsDatedByItsRecording() {
    var recordedBefore =
        new DossierRegistered(
            dossierId, HAUTE_GARONNE, Pathways.SUBMITTED_AT, Pathways.aProfile(), null);

    fixture
        .given(recordedBefore)
        .when(placing(dossierId, Sessions.renewalSession(LocalDate.parse("2019-03-01"))))
        .expectNoEvents()
        .expectException(fieldError("sessionId", "séance antérieure au dépôt du dossier"));
    fixture
        .given(recordedBefore)
        .when(placing(dossierId, APRIL_SESSION))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void aSessionBeforeTheSubmissionIsRefused() {
    String march = Sessions.renewalSession(LocalDate.parse("2019-03-01"));

    fixture
        .given(registered(dossierId))
        .when(placing(dossierId, march))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void votesMustCountEveryMemberWhoTakesPart() {
    var vote =
        new fr.passerelle.decision.pathway.api.RecordOpinionCommand(
            dossierId, HAUTE_GARONNE, APRIL_SESSION, FAVOURABLE, 12, 2, 1, true, List.of());

    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(vote)
        .expectNoEvents()
        .expectException(fieldError("votesFor", "15 voix et abstentions pour 16 membres"));
  }

  @Test
  void theAccompanyingAssociationsMemberTakesNoPartInTheVote() {
    var vote =
        new fr.passerelle.decision.pathway.api.RecordOpinionCommand(
            dossierId, HAUTE_GARONNE, WITH_THE_ASSOCIATION, FAVOURABLE, 12, 2, 1, true, List.of());

    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, WITH_THE_ASSOCIATION))
        .when(vote)
        .expectEvents(
            new fr.passerelle.decision.pathway.api.OpinionRecorded(
                dossierId,
                HAUTE_GARONNE,
                WITH_THE_ASSOCIATION,
                LocalDate.parse("2019-06-13"),
                FAVOURABLE,
                12,
                2,
                1,
                true,
                1,
                List.of(Sessions.ACCOMPANYING_ASSOCIATION_MEMBER)));
  }

  @Test
  void aMemberWhoDeclaresAnInterestAndTheMandateTheyHoldTakeNoPart() {
    // m03 holds m16's mandate: both leave the vote, 14 remain
    var vote =
        new fr.passerelle.decision.pathway.api.RecordOpinionCommand(
            dossierId, HAUTE_GARONNE, APRIL_SESSION, UNFAVOURABLE, 4, 9, 1, true, List.of("m03"));

    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(vote)
        .expectEvents(
            new fr.passerelle.decision.pathway.api.OpinionRecorded(
                dossierId,
                HAUTE_GARONNE,
                APRIL_SESSION,
                LocalDate.parse("2019-04-11"),
                UNFAVOURABLE,
                4,
                9,
                1,
                true,
                1,
                List.of("m03")));
  }

  @Test
  void aRecusedMemberMustBeAMember() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(
            new fr.passerelle.decision.pathway.api.RecordOpinionCommand(
                dossierId, HAUTE_GARONNE, APRIL_SESSION, FAVOURABLE, 12, 2, 1, true, List.of("x")))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aTieWithoutAVoteCastCannotGiveAnOpinion() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, APRIL_SESSION))
        .when(aVote(dossierId, APRIL_SESSION, UNFAVOURABLE, 0, 0, false))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aSessionWithoutItsQuorumGivesNoOpinion() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, Sessions.WITHOUT_QUORUM))
        .when(aVote(dossierId, Sessions.WITHOUT_QUORUM, FAVOURABLE, 5, 2, true))
        .expectNoEvents()
        .expectException(SessionLackedQuorumException.class);
  }

  @Test
  void aSecondConvocationStudiesTheAgendaOfTheFirst() {
    fixture
        .given(registered(dossierId), placedOnAgenda(dossierId, Sessions.WITHOUT_QUORUM))
        .when(placing(dossierId, Sessions.SECOND_CONVOCATION))
        .expectEvents(placedOnAgenda(dossierId, Sessions.SECOND_CONVOCATION));
  }

  @Test
  void aSecondConvocationSitsWithoutQuorumAndGivesItsOpinion() {
    var vote =
        new fr.passerelle.decision.pathway.api.RecordOpinionCommand(
            dossierId,
            HAUTE_GARONNE,
            Sessions.SECOND_CONVOCATION,
            FAVOURABLE,
            5,
            1,
            1,
            true,
            List.of());

    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, Sessions.WITHOUT_QUORUM),
            placedOnAgenda(dossierId, Sessions.SECOND_CONVOCATION))
        .when(vote)
        .expectEvents(recorded(vote));
  }

  @Test
  void aDossierOffTheFirstConvocationsAgendaIsNotStudiedOnTheSecond() {
    fixture
        .given(registered(dossierId))
        .when(placing(dossierId, Sessions.SECOND_CONVOCATION))
        .expectNoEvents()
        .expectException(NotOnFirstConvocationAgendaException.class);
  }

  /** A refusal naming {@code field} with a message that contains {@code text}. */
  private static org.hamcrest.Matcher<InvalidRequestException> fieldError(
      String field, String text) {
    return new org.hamcrest.TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(InvalidRequestException refusal) {
        return refusal.errors().stream()
            .anyMatch(error -> error.field().equals(field) && error.message().contains(text));
      }

      @Override
      public void describeTo(org.hamcrest.Description description) {
        description.appendText("a refusal of " + field + " saying " + text);
      }
    };
  }

  private PathwayEnded endedAtTerm(int term, LocalDate lastDay, int totalMonths) {
    return new PathwayEnded(
        dossierId, HAUTE_GARONNE, null, EndReason.TERM_REACHED, lastDay, null, term, totalMonths);
  }
}
