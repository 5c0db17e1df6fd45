package fr.passerelle.decision.pathway.command;

import static fr.passerelle.decision.Pathways.PARIS;
import static fr.passerelle.decision.Pathways.aProfileWithoutAgeBand;
import static fr.passerelle.decision.Pathways.aRefusal;
import static fr.passerelle.decision.Pathways.aRegistration;
import static fr.passerelle.decision.Pathways.aVote;
import static fr.passerelle.decision.Pathways.anAuthorisation;
import static fr.passerelle.decision.Pathways.anOpinion;
import static fr.passerelle.decision.Pathways.anyDossierId;
import static fr.passerelle.decision.Pathways.authorised;
import static fr.passerelle.decision.Pathways.opinionRecorded;
import static fr.passerelle.decision.Pathways.placedOnAgenda;
import static fr.passerelle.decision.Pathways.placing;
import static fr.passerelle.decision.Pathways.recorded;
import static fr.passerelle.decision.Pathways.refused;
import static fr.passerelle.decision.Pathways.registered;
import static fr.passerelle.decision.Sessions.APRIL_SESSION;
import static fr.passerelle.decision.Sessions.JUNE_SESSION;
import static fr.passerelle.decision.Sessions.PARIS_SESSION;
import static fr.passerelle.decision.Sessions.knownSessions;
import static fr.passerelle.decision.events.Opinion.ADJOURNED;
import static fr.passerelle.decision.events.Opinion.FAVOURABLE;
import static fr.passerelle.decision.events.Opinion.UNFAVOURABLE;

import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathwayTest {

  private final String dossierId = anyDossierId();
  private AggregateTestFixture<Pathway> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Pathway.class);
    fixture.registerInjectableResource(knownSessions());
    fixture.registerInjectableResource(new AuthorisationTerm(6));
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
  void decidedDossierCannotGoBackOnAnAgenda() {
    fixture
        .given(
            registered(dossierId),
            placedOnAgenda(dossierId, APRIL_SESSION),
            opinionRecorded(dossierId, APRIL_SESSION, FAVOURABLE),
            authorised(dossierId, LocalDate.parse("2019-10-31")))
        .when(placing(dossierId, JUNE_SESSION))
        .expectNoEvents()
        .expectException(AlreadyDecidedException.class);
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
        .expectResultMessagePayload(lastDay);
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
                dossierId, PARIS, refusal.decidedOn(), refusal.reason(), refusal.motivation()))
        .expectNoEvents()
        .expectException(DossierNotFoundException.class);
  }
}
