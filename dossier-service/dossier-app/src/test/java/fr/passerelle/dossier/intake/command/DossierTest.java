package fr.passerelle.dossier.intake.command;

import static fr.passerelle.dossier.Dossiers.aCompleteContent;
import static fr.passerelle.dossier.Dossiers.anEmptyContent;
import static fr.passerelle.dossier.Dossiers.anyId;
import static org.axonframework.test.matchers.Matchers.matches;

import fr.passerelle.dossier.events.AgeBand;
import fr.passerelle.dossier.events.ErasureReason;
import fr.passerelle.dossier.intake.api.AnnounceErasureCommand;
import fr.passerelle.dossier.intake.api.ConfirmErasureCommand;
import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.DossierDrafted;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.DraftRevised;
import fr.passerelle.dossier.intake.api.DraftWithdrawn;
import fr.passerelle.dossier.intake.api.EraseExpiredDataCommand;
import fr.passerelle.dossier.intake.api.ErasureAnnounced;
import fr.passerelle.dossier.intake.api.ErasureRequested;
import fr.passerelle.dossier.intake.api.PersonalDataErased;
import fr.passerelle.dossier.intake.api.RequestErasureCommand;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
import fr.passerelle.dossier.intake.command.Approvals.Approval;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DossierTest {

  private static final Instant NOW = Instant.parse("2019-03-14T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2019, 3, 14);
  private static final LocalDate APPROVED_FROM = LocalDate.of(2018, 6, 1);
  private static final String ASSOCIATION = "association-31";

  private final String dossierId = anyId();
  private final String personId = anyId();
  private AggregateTestFixture<Dossier> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Dossier.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    fixture.registerInjectableResource(
        (Approvals)
            (association, department) ->
                ASSOCIATION.equals(association) && "31".equals(department)
                    ? Optional.of(new Approval(APPROVED_FROM, APPROVED_FROM.plusYears(3)))
                    : Optional.empty());
    fixture.registerInjectableResource(filesOfAPersonBornOn(LocalDate.of(1994, 5, 2)));
  }

  @Test
  void draftingRecordsTheContentAndThePersonsPseudonymOnly() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .givenNoPriorActivity()
        .when(new DraftDossierCommand(dossierId, "31", personId, content))
        .expectEvents(new DossierDrafted(dossierId, "31", personId, content, NOW));
  }

  @Test
  void aCompleteDraftIsSubmittedWithTheAgeBandAndThePseudonymInPlaceOfTheBirthDateAndTheVaultsId() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .given(new DossierDrafted(dossierId, "31", personId, content, NOW))
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectEvents(
            new DossierSubmitted(
                dossierId,
                "31",
                personId,
                content,
                AgeBand.FROM_18_TO_24,
                NOW,
                pseudonym(),
                TODAY));
  }

  @Test
  void aDossierIsSubmittedOnTheDayEnteredWithTheAgeBandOfThatDay() {
    DossierContent content = aCompleteContent(ASSOCIATION);
    LocalDate submittedOn = LocalDate.of(2019, 3, 1);

    fixture
        .given(new DossierDrafted(dossierId, "31", personId, content, NOW))
        .when(new SubmitDossierCommand(dossierId, "31", submittedOn))
        .expectEvents(
            new DossierSubmitted(
                dossierId,
                "31",
                personId,
                content,
                AgeBand.FROM_18_TO_24,
                NOW,
                pseudonym(),
                submittedOn));
  }

  @Test
  void aSubmissionDatedInTheFutureIsRefused() {
    fixture
        .given(new DossierDrafted(dossierId, "31", personId, aCompleteContent(ASSOCIATION), NOW))
        .when(new SubmitDossierCommand(dossierId, "31", TODAY.plusDays(1)))
        .expectException(
            matches(
                e ->
                    e instanceof InvalidRequestException refused
                        && refused
                            .errors()
                            .equals(
                                List.of(
                                    FieldError.of(
                                        "submittedOn", "ne peut pas être dans le futur")))))
        .expectNoEvents();
  }

  @Test
  void aSubmissionDatedBeforeTheAssociationsApprovalIsRefused() {
    fixture
        .given(new DossierDrafted(dossierId, "31", personId, aCompleteContent(ASSOCIATION), NOW))
        .when(new SubmitDossierCommand(dossierId, "31", APPROVED_FROM.minusDays(1)))
        .expectException(
            matches(
                e ->
                    e instanceof IncompleteDossierException incomplete
                        && incomplete
                            .gaps()
                            .equals(
                                List.of(
                                    new Gap(
                                        "submittedOn",
                                        "antérieure au début de l'agrément de l'association"
                                            + " (01/06/2018)"),
                                    new Gap(
                                        "plan.signedOn",
                                        "ne peut pas être postérieure à la soumission du dossier")))))
        .expectNoEvents();
  }

  @Test
  void anIncompleteDraftIsNotSubmitted() {
    fixture
        .given(new DossierDrafted(dossierId, "31", personId, anEmptyContent(), NOW))
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectException(IncompleteDossierException.class)
        .expectNoEvents();
  }

  @Test
  void aDossierIsSubmittedOnce() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .given(
            new DossierDrafted(dossierId, "31", personId, content, NOW),
            new DossierSubmitted(
                dossierId, "31", personId, content, AgeBand.FROM_18_TO_24, NOW, pseudonym(), TODAY))
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectException(DossierStateException.class);
  }

  @Test
  void aSubmittedDossierIsNoLongerRevised() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .given(
            new DossierDrafted(dossierId, "31", personId, content, NOW),
            new DossierSubmitted(
                dossierId, "31", personId, content, AgeBand.FROM_18_TO_24, NOW, pseudonym(), TODAY))
        .when(new ReviseDraftCommand(dossierId, "31", anEmptyContent()))
        .expectException(DossierStateException.class);
  }

  @Test
  void aDraftIsRevised() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .given(new DossierDrafted(dossierId, "31", personId, anEmptyContent(), NOW))
        .when(new ReviseDraftCommand(dossierId, "31", content))
        .expectEvents(new DraftRevised(dossierId, content));
  }

  @Test
  void aWithdrawnDraftIsNotSubmitted() {
    fixture
        .given(
            new DossierDrafted(dossierId, "31", personId, aCompleteContent(ASSOCIATION), NOW),
            new DraftWithdrawn(dossierId, "31", personId, NOW))
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectException(DossierStateException.class);
  }

  @Test
  void aDraftIsWithdrawn() {
    fixture
        .given(new DossierDrafted(dossierId, "31", personId, anEmptyContent(), NOW))
        .when(new WithdrawDraftCommand(dossierId, "31"))
        .expectEvents(
            new DraftWithdrawn(dossierId, "31", personId, NOW),
            new PersonalDataErased(dossierId, "31", personId, ErasureReason.DRAFT_WITHDRAWN, NOW));
  }

  @Test
  void thePersonsRequestIsRecordedThenConfirmedByAnotherAgentWhichErasesTheData() {
    fixture
        .given(drafted(), submitted())
        .when(new RequestErasureCommand(dossierId, "31", "association-agent", TODAY))
        .expectEvents(new ErasureRequested(dossierId, "31", "association-agent", TODAY, NOW));

    fixture
        .given(drafted(), submitted(), requestedBy("association-agent"))
        .when(new ConfirmErasureCommand(dossierId, "31", "prefecture-agent"))
        .expectEvents(
            new PersonalDataErased(dossierId, "31", personId, ErasureReason.PERSON_REQUEST, NOW));
  }

  @Test
  void whoRecordedTheRequestCannotConfirmIt() {
    fixture
        .given(drafted(), requestedBy("prefecture-agent"))
        .when(new ConfirmErasureCommand(dossierId, "31", "prefecture-agent"))
        .expectException(DossierStateException.class)
        .expectNoEvents();
  }

  @Test
  void aConfirmationWithoutARequestIsRefused() {
    fixture
        .given(drafted(), submitted())
        .when(new ConfirmErasureCommand(dossierId, "31", "prefecture-agent"))
        .expectException(DossierStateException.class)
        .expectNoEvents();
  }

  @Test
  void aRequestReceivedInTheFutureIsRefusedNamingTheField() {
    fixture
        .given(drafted())
        .when(new RequestErasureCommand(dossierId, "31", "agent", TODAY.plusDays(1)))
        .expectException(InvalidRequestException.class)
        .expectNoEvents();
  }

  @Test
  void aSecondRequestWhileOneAwaitsIsRefused() {
    fixture
        .given(drafted(), requestedBy("agent"))
        .when(new RequestErasureCommand(dossierId, "31", "other-agent", TODAY))
        .expectException(DossierStateException.class);
  }

  @Test
  void anErasedDossierCanNoLongerBeRevisedSubmittedNorErasedAgain() {
    var erased =
        new PersonalDataErased(dossierId, "31", personId, ErasureReason.PERSON_REQUEST, NOW);

    fixture
        .given(drafted(), erased)
        .when(new ReviseDraftCommand(dossierId, "31", aCompleteContent(ASSOCIATION)))
        .expectException(DossierStateException.class);
    fixture
        .given(drafted(), erased)
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectException(DossierStateException.class);
    fixture
        .given(drafted(), erased)
        .when(new RequestErasureCommand(dossierId, "31", "agent", TODAY))
        .expectException(DossierStateException.class);
  }

  @Test
  void retentionAnnouncesTheErasureToTheAssociationOnce() {
    LocalDate on = TODAY.plusDays(30);

    fixture
        .given(drafted())
        .when(new AnnounceErasureCommand(dossierId, on, ErasureReason.DRAFT_NOT_SUBMITTED))
        .expectEvents(
            new ErasureAnnounced(
                dossierId, "31", ASSOCIATION, on, ErasureReason.DRAFT_NOT_SUBMITTED));
    fixture
        .given(
            drafted(),
            new ErasureAnnounced(
                dossierId, "31", ASSOCIATION, on, ErasureReason.DRAFT_NOT_SUBMITTED))
        .when(new AnnounceErasureCommand(dossierId, on, ErasureReason.DRAFT_NOT_SUBMITTED))
        .expectNoEvents();
  }

  @Test
  void retentionErasesOnceAndADraftsPeriodDoesNotReachASubmittedDossier() {
    fixture
        .given(drafted())
        .when(new EraseExpiredDataCommand(dossierId, ErasureReason.DRAFT_NOT_SUBMITTED))
        .expectEvents(
            new PersonalDataErased(
                dossierId, "31", personId, ErasureReason.DRAFT_NOT_SUBMITTED, NOW));
    fixture
        .given(
            drafted(),
            new PersonalDataErased(
                dossierId, "31", personId, ErasureReason.DRAFT_NOT_SUBMITTED, NOW))
        .when(new EraseExpiredDataCommand(dossierId, ErasureReason.DRAFT_NOT_SUBMITTED))
        .expectNoEvents();
    fixture
        .given(drafted(), submitted())
        .when(new EraseExpiredDataCommand(dossierId, ErasureReason.DRAFT_NOT_SUBMITTED))
        .expectException(DossierStateException.class)
        .expectNoEvents();
  }

  private DossierDrafted drafted() {
    return new DossierDrafted(dossierId, "31", personId, aCompleteContent(ASSOCIATION), NOW);
  }

  private DossierSubmitted submitted() {
    return new DossierSubmitted(
        dossierId,
        "31",
        personId,
        aCompleteContent(ASSOCIATION),
        AgeBand.FROM_18_TO_24,
        NOW,
        pseudonym(),
        TODAY);
  }

  private ErasureRequested requestedBy(String subject) {
    return new ErasureRequested(dossierId, "31", subject, TODAY, NOW);
  }

  private String pseudonym() {
    return "pseudonym-of-" + dossierId;
  }

  /** 23:30 on 30 November in Paris, already 02:30 on 1 December in La Réunion. */
  private static final Instant PARIS_EVENING = Instant.parse("2026-11-30T22:30:00Z");

  /** 03:30 on 1 December in Paris, still 22:30 on 30 November in Martinique. */
  private static final Instant PARIS_NIGHT = Instant.parse("2026-12-01T02:30:00Z");

  private static final LocalDate DECEMBER_1 = LocalDate.of(2026, 12, 1);

  @Test
  void aReunionDossierIsSubmittedOnItsTodayWhileParisIsStillTheDayBefore() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    at(PARIS_EVENING)
        .given(new DossierDrafted(dossierId, "974", personId, content, PARIS_EVENING))
        .when(new SubmitDossierCommand(dossierId, "974", DECEMBER_1))
        .expectEvents(
            new DossierSubmitted(
                dossierId,
                "974",
                personId,
                content,
                AgeBand.FROM_25_TO_34,
                PARIS_EVENING,
                pseudonym(),
                DECEMBER_1));
  }

  @Test
  void aReunionDossierSubmittedWithoutADateIsDatedItsTodayNotParis() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    at(PARIS_EVENING)
        .given(new DossierDrafted(dossierId, "974", personId, content, PARIS_EVENING))
        .when(new SubmitDossierCommand(dossierId, "974"))
        .expectEvents(
            new DossierSubmitted(
                dossierId,
                "974",
                personId,
                content,
                AgeBand.FROM_25_TO_34,
                PARIS_EVENING,
                pseudonym(),
                DECEMBER_1));
  }

  @Test
  void aMetropolitanSubmissionDatedParissTomorrowIsRefusedAtThatSameMoment() {
    at(PARIS_EVENING)
        .given(
            new DossierDrafted(
                dossierId, "31", personId, aCompleteContent(ASSOCIATION), PARIS_EVENING))
        .when(new SubmitDossierCommand(dossierId, "31", DECEMBER_1))
        .expectException(refusing("submittedOn", "ne peut pas être dans le futur"))
        .expectNoEvents();
  }

  @Test
  void aPlanSignedOnTheDepartementsTodayIsDraftedAndOneSignedAfterItIsRefused() {
    DossierContent signedDecember1 = signedOn(DECEMBER_1);

    at(PARIS_EVENING)
        .givenNoPriorActivity()
        .when(new DraftDossierCommand(dossierId, "974", personId, signedDecember1))
        .expectEvents(
            new DossierDrafted(dossierId, "974", personId, signedDecember1, PARIS_EVENING));
    at(PARIS_EVENING)
        .givenNoPriorActivity()
        .when(new DraftDossierCommand(dossierId, "31", personId, signedDecember1))
        .expectException(refusing("plan.signedOn", "ne peut pas être dans le futur"))
        .expectNoEvents();
    at(PARIS_NIGHT)
        .givenNoPriorActivity()
        .when(new DraftDossierCommand(dossierId, "972", personId, signedDecember1))
        .expectException(refusing("plan.signedOn", "ne peut pas être dans le futur"))
        .expectNoEvents();
  }

  @Test
  void aRevisionSignedAfterTheDepartementsTodayIsRefused() {
    at(PARIS_NIGHT)
        .given(new DossierDrafted(dossierId, "972", personId, anEmptyContent(), PARIS_NIGHT))
        .when(new ReviseDraftCommand(dossierId, "972", signedOn(DECEMBER_1)))
        .expectException(refusing("plan.signedOn", "ne peut pas être dans le futur"))
        .expectNoEvents();
    at(PARIS_NIGHT)
        .given(new DossierDrafted(dossierId, "972", personId, anEmptyContent(), PARIS_NIGHT))
        .when(new ReviseDraftCommand(dossierId, "972", signedOn(DECEMBER_1.minusDays(1))))
        .expectEvents(new DraftRevised(dossierId, signedOn(DECEMBER_1.minusDays(1))));
  }

  @Test
  void anErasureRequestReceivedOnTheDepartementsTodayIsRecordedAndOneAfterItIsRefused() {
    at(PARIS_EVENING)
        .given(new DossierDrafted(dossierId, "974", personId, anEmptyContent(), PARIS_EVENING))
        .when(new RequestErasureCommand(dossierId, "974", "agent", DECEMBER_1))
        .expectEvents(new ErasureRequested(dossierId, "974", "agent", DECEMBER_1, PARIS_EVENING));
    at(PARIS_NIGHT)
        .given(new DossierDrafted(dossierId, "972", personId, anEmptyContent(), PARIS_NIGHT))
        .when(new RequestErasureCommand(dossierId, "972", "agent", DECEMBER_1))
        .expectException(refusing("receivedOn", "ne peut pas être dans le futur"))
        .expectNoEvents();
  }

  /** A fixture whose clock reads {@code now}, the association approved in every département. */
  private static AggregateTestFixture<Dossier> at(Instant now) {
    var fixture = new AggregateTestFixture<>(Dossier.class);
    fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    fixture.registerInjectableResource(
        (Approvals)
            (association, department) ->
                Optional.of(new Approval(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31))));
    fixture.registerInjectableResource(filesOfAPersonBornOn(LocalDate.of(1994, 5, 2)));
    return fixture;
  }

  private static DossierContent signedOn(LocalDate day) {
    DossierContent c = aCompleteContent(ASSOCIATION);
    return new DossierContent(
        c.associationId(),
        c.nationality(),
        c.children(),
        c.monthlyResources(),
        c.receivesRsa(),
        c.receivesAda(),
        c.traffickingVictim(),
        c.plannedActions(),
        c.stopsProstitution(),
        day,
        c.procuringVictim());
  }

  private static org.hamcrest.Matcher<Exception> refusing(String field, String message) {
    return matches(
        e ->
            e instanceof InvalidRequestException refused
                && refused.errors().equals(List.of(FieldError.of(field, message))));
  }

  @Test
  void aDossierOfAnotherDepartementIsUnknown() {
    fixture
        .given(new DossierDrafted(dossierId, "31", personId, aCompleteContent(ASSOCIATION), NOW))
        .when(new SubmitDossierCommand(dossierId, "75"))
        .expectException(UnknownDossierException.class)
        .expectNoEvents();
  }

  private static PersonalFiles filesOfAPersonBornOn(LocalDate birthDate) {
    return new PersonalFiles() {
      @Override
      public List<String> missingFields(String personId) {
        return List.of();
      }

      @Override
      public Optional<LocalDate> birthDate(String personId) {
        return Optional.of(birthDate);
      }

      @Override
      public Optional<String> pseudonym(String personId, String dossierId) {
        return Optional.of("pseudonym-of-" + dossierId);
      }
    };
  }
}
