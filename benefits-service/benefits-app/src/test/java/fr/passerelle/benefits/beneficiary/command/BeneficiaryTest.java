package fr.passerelle.benefits.beneficiary.command;

import static fr.passerelle.benefits.Beneficiaries.DECIDED_ON;
import static fr.passerelle.benefits.Beneficiaries.PATHWAY_END;
import static fr.passerelle.benefits.Beneficiaries.PATHWAY_START;
import static fr.passerelle.benefits.Beneficiaries.aPermanentJob;
import static fr.passerelle.benefits.Beneficiaries.aValidation;
import static fr.passerelle.benefits.Beneficiaries.anAfisRequest;
import static fr.passerelle.benefits.Beneficiaries.anyDossierId;
import static fr.passerelle.benefits.Beneficiaries.registered;

import fr.passerelle.benefits.Beneficiaries;
import fr.passerelle.benefits.beneficiary.api.AfisDecision;
import fr.passerelle.benefits.beneficiary.api.AfisEnded;
import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisOverpaymentRecorded;
import fr.passerelle.benefits.beneficiary.api.AfisPaid;
import fr.passerelle.benefits.beneficiary.api.AfisReassessed;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.AfisRenewed;
import fr.passerelle.benefits.beneficiary.api.AfisRequested;
import fr.passerelle.benefits.beneficiary.api.AfisResumed;
import fr.passerelle.benefits.beneficiary.api.AfisSuspended;
import fr.passerelle.benefits.beneficiary.api.ChangeHouseholdCommand;
import fr.passerelle.benefits.beneficiary.api.DecideAfisCommand;
import fr.passerelle.benefits.beneficiary.api.EmploymentEnded;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.EndEmploymentCommand;
import fr.passerelle.benefits.beneficiary.api.EndPathwayCommand;
import fr.passerelle.benefits.beneficiary.api.HousingStepRecorded;
import fr.passerelle.benefits.beneficiary.api.IssuePermitCommand;
import fr.passerelle.benefits.beneficiary.api.PathwayEnded;
import fr.passerelle.benefits.beneficiary.api.PathwayRenewed;
import fr.passerelle.benefits.beneficiary.api.PayAfisCommand;
import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.beneficiary.api.PermitEnded;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.beneficiary.api.PermitRefused;
import fr.passerelle.benefits.beneficiary.api.PermitRenewed;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.api.RecordHousingStepCommand;
import fr.passerelle.benefits.beneficiary.api.RecordTrainingCommand;
import fr.passerelle.benefits.beneficiary.api.RefusePermitCommand;
import fr.passerelle.benefits.beneficiary.api.RegisterBeneficiaryCommand;
import fr.passerelle.benefits.beneficiary.api.RenewPathwayCommand;
import fr.passerelle.benefits.beneficiary.api.RenewPermitCommand;
import fr.passerelle.benefits.beneficiary.api.ResumeAfisCommand;
import fr.passerelle.benefits.beneficiary.api.StopAfisCommand;
import fr.passerelle.benefits.beneficiary.api.SuspendAfisCommand;
import fr.passerelle.benefits.beneficiary.api.TrainingRecorded;
import fr.passerelle.benefits.events.AfisEndReason;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.AfisStopReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.benefits.events.Territory;
import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.edge.refusal.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A beneficiary's rights over the pathway's life, one behaviour per test. */
class BeneficiaryTest {

  /** Today, for the decisions' dates: 15 December 2023. */
  private static final LocalDate TODAY = LocalDate.of(2023, 12, 15);

  private static final String REQUEST = "request-1";

  private AggregateTestFixture<Beneficiary> fixture;
  private final String dossierId = anyDossierId();
  private final RegisterBeneficiaryCommand validation = aValidation(dossierId).command();

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Beneficiary.class);
    fixture.registerInjectableResource(Beneficiaries.theRightsPolicy());
    fixture.registerInjectableResource(
        Clock.fixed(
            TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
            ZoneId.of("Europe/Paris")));
  }

  @Nested
  class Registration {

    @Test
    void aValidationRegistersTheBeneficiaryWithoutDecidingAnyRight() {
      fixture
          .givenNoPriorActivity()
          .when(validation)
          .expectSuccessfulHandlerExecution()
          .expectEvents(registered(validation));
    }

    @Test
    void aValidationDeliveredAgainChangesNothing() {
      fixture.given(registered(validation)).when(validation).expectNoEvents();
    }

    @Test
    void anotherDepartementsBeneficiaryIsUnknown() {
      fixture
          .given(registered(validation))
          .when(
              new IssuePermitCommand(dossierId, "75", DECIDED_ON, PATHWAY_START, PATHWAY_END, true))
          .expectException(UnknownBeneficiaryException.class)
          .expectNoEvents();
    }
  }

  @Nested
  class ResidencePermit {

    @Test
    void thePrefectureIssuesAPermitOfSixMonthsWithTheRightToWork() {
      fixture
          .given(registered(validation))
          .when(issue(PATHWAY_START, PATHWAY_END))
          .expectEvents(new PermitIssued(dossierId, "31", PATHWAY_START, PATHWAY_END, DECIDED_ON));
    }

    @Test
    void aPermitOfLessThanSixMonthsIsRefusedNamingTheField() {
      fixture
          .given(registered(validation))
          .when(issue(PATHWAY_START, PATHWAY_END.minusDays(1)))
          .expectException(invalid("validUntil"))
          .expectNoEvents();
    }

    @Test
    void aDecisionInTheFutureOrBeforeThePathwayIsRefusedNamingEveryField() {
      fixture
          .given(registered(validation))
          .when(
              new IssuePermitCommand(
                  dossierId, "31", TODAY.plusDays(1), PATHWAY_START, PATHWAY_END, true))
          .expectException(invalid("decidedOn", "validFrom"))
          .expectNoEvents();
      fixture
          .given(registered(validation))
          .when(
              new IssuePermitCommand(
                  dossierId, "31", DECIDED_ON.minusDays(1), PATHWAY_START, PATHWAY_END, true))
          .expectException(invalid("decidedOn"))
          .expectNoEvents();
    }

    @Test
    void aEuropeanNationalGetsNoPermit() {
      RegisterBeneficiaryCommand romanian = aValidation(dossierId).ofNationality("RO").command();

      fixture
          .given(registered(romanian))
          .when(issue(PATHWAY_START, PATHWAY_END))
          .expectException(conflict("ressortissant français, européen ou suisse"))
          .expectNoEvents();
    }

    @Test
    void someoneWhoHasNotCeasedProstitutionGetsNoPermit() {
      fixture
          .given(registered(validation))
          .when(
              new IssuePermitCommand(
                  dossierId, "31", DECIDED_ON, PATHWAY_START, PATHWAY_END, false))
          .expectException(conflict("n'a pas cessé"))
          .expectNoEvents();
    }

    @Test
    void aVictimOfProcuringGetsAPermitAsAVictimOfTraffickingDoes() {
      RegisterBeneficiaryCommand procured =
          aValidation(dossierId)
              .ofNationality("BR")
              .notATraffickingVictim()
              .victimOfProcuring()
              .command();

      fixture
          .given(registered(procured))
          .when(issue(PATHWAY_START, PATHWAY_END))
          .expectEvents(new PermitIssued(dossierId, "31", PATHWAY_START, PATHWAY_END, DECIDED_ON));
      fixture
          .given(
              registered(
                  aValidation(dossierId).ofNationality("BR").notATraffickingVictim().command()))
          .when(issue(PATHWAY_START, PATHWAY_END))
          .expectException(conflict("ni victime de traite ni victime de proxénétisme"))
          .expectNoEvents();
    }

    @Test
    void aRefusalIsRecordedWithItsReason() {
      fixture
          .given(registered(validation))
          .when(
              new RefusePermitCommand(
                  dossierId, "31", DECIDED_ON, PermitRefusalReason.PUBLIC_ORDER))
          .expectEvents(
              new PermitRefused(
                  dossierId, "31", DECIDED_ON, PermitRefusalReason.PUBLIC_ORDER, false));
    }

    @Test
    void thePermitIsRenewedWithThePathwayFromTheDayAfterItEnds() {
      LocalDate decided = LocalDate.of(2023, 1, 20);
      fixture
          .given(
              registered(validation),
              permitIssued(),
              new PathwayRenewed(dossierId, "31", decided, LocalDate.of(2023, 7, 31)))
          .when(new RenewPermitCommand(dossierId, "31", decided, LocalDate.of(2023, 7, 31), true))
          .expectEvents(
              new PermitRenewed(
                  dossierId, "31", decided, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 7, 31)));
    }

    @Test
    void aPermitIsNotRenewedBeyondAPathwayThatWasNot() {
      fixture
          .given(registered(validation), permitIssued())
          .when(
              new RenewPermitCommand(
                  dossierId, "31", LocalDate.of(2023, 1, 20), LocalDate.of(2023, 7, 31), true))
          .expectException(conflict("aucun parcours autorisé"))
          .expectNoEvents();
    }

    @Test
    void theRefusalOfARenewalSaysSo() {
      LocalDate decided = LocalDate.of(2023, 1, 20);
      fixture
          .given(registered(validation), permitIssued())
          .when(new RefusePermitCommand(dossierId, "31", decided, PermitRefusalReason.NOT_A_VICTIM))
          .expectEvents(
              new PermitRefused(dossierId, "31", decided, PermitRefusalReason.NOT_A_VICTIM, true));
    }

    @Test
    void thePermitExpiresWithAPathwayRunToItsTerm() {
      fixture
          .given(registered(validation), permitIssued())
          .when(new EndPathwayCommand(dossierId, "31", PATHWAY_END, null))
          .expectEvents(
              new PathwayEnded(dossierId, "31", PATHWAY_END, null),
              new PermitEnded(dossierId, "31", PATHWAY_END, PermitEndReason.EXPIRED));
    }

    @Test
    void thePermitIsWithdrawnWhenThePathwayEndsEarly() {
      LocalDate lastDay = LocalDate.of(2022, 11, 15);
      fixture
          .given(registered(validation), permitIssued())
          .when(new EndPathwayCommand(dossierId, "31", lastDay, lastDay))
          .expectEvents(
              new PathwayEnded(dossierId, "31", lastDay, lastDay),
              new PermitEnded(dossierId, "31", lastDay, PermitEndReason.WITHDRAWN));
    }

    private IssuePermitCommand issue(LocalDate from, LocalDate until) {
      return new IssuePermitCommand(dossierId, "31", DECIDED_ON, from, until, true);
    }
  }

  @Nested
  class AfisDecisions {

    @Test
    void aRequestIsRecordedWithTheHouseholdAndResources() {
      fixture
          .given(registered(validation))
          .when(anAfisRequest(dossierId, REQUEST).withResourcesCents(12_000).command())
          .expectEvents(
              new AfisRequested(
                  dossierId,
                  "31",
                  REQUEST,
                  LocalDate.of(2022, 8, 3),
                  1,
                  12_000,
                  false,
                  false,
                  fr.passerelle.benefits.beneficiary.api.ResidenceDocument.NONE,
                  null));
    }

    @Test
    void theAfisIsGrantedForThePathwaysPeriodWhenEveryConditionIsMetAtTheDecision() {
      LocalDate decided = LocalDate.of(2022, 8, 10);
      fixture
          .given(registered(validation), permitIssued(), requested())
          .when(new DecideAfisCommand(dossierId, "31", REQUEST, decided))
          .expectResultMessagePayload(new AfisDecision(true, List.of()))
          .expectEvents(
              new AfisGranted(
                  dossierId,
                  "31",
                  43_200,
                  Territory.MAINLAND,
                  PATHWAY_START,
                  PATHWAY_END,
                  REQUEST,
                  decided,
                  1,
                  "décret 2017-542"));
    }

    @Test
    void aRefusalListsEveryUnmetCondition() {
      LocalDate decided = LocalDate.of(2022, 8, 10);
      List<AfisRefusalReason> unmet =
          List.of(
              AfisRefusalReason.NO_RIGHT_TO_WORK,
              AfisRefusalReason.RESOURCES_ABOVE_RSA,
              AfisRefusalReason.RECEIVES_ADA);
      fixture
          .given(
              registered(validation),
              requested(
                  anAfisRequest(dossierId, REQUEST).withResourcesCents(60_000).receivingAda()))
          .when(new DecideAfisCommand(dossierId, "31", REQUEST, decided))
          .expectResultMessagePayload(new AfisDecision(false, unmet))
          .expectEvents(
              new AfisRefused(
                  dossierId, "31", AfisRefusalReason.NO_RIGHT_TO_WORK, decided, unmet, REQUEST));
    }

    @Test
    void thePermitCountsIfItIsInForceOnTheDayOfTheDecision() {
      // requested before the permit, decided after it was issued
      LocalDate decided = LocalDate.of(2022, 8, 10);
      fixture
          .given(registered(validation), requested(), permitIssued())
          .when(new DecideAfisCommand(dossierId, "31", REQUEST, decided))
          .expectResultMessagePayload(new AfisDecision(true, List.of()));
    }

    @Test
    void aDecisionBeforeTheRequestOrInTheFutureIsRefusedNamingTheField() {
      fixture
          .given(registered(validation), requested())
          .when(new DecideAfisCommand(dossierId, "31", REQUEST, LocalDate.of(2022, 8, 2)))
          .expectException(invalid("decidedOn"))
          .expectNoEvents();
      fixture
          .given(registered(validation), requested())
          .when(new DecideAfisCommand(dossierId, "31", REQUEST, TODAY.plusDays(1)))
          .expectException(invalid("decidedOn"))
          .expectNoEvents();
    }

    @Test
    void anUnknownRequestIsNotFoundAndADecidedOneIsNotDecidedAgain() {
      fixture
          .given(registered(validation), requested())
          .when(new DecideAfisCommand(dossierId, "31", "another", LocalDate.of(2022, 8, 10)))
          .expectException(NotFoundException.class);
      fixture
          .given(registered(validation), requested(), granted())
          .when(new DecideAfisCommand(dossierId, "31", REQUEST, LocalDate.of(2022, 8, 11)))
          .expectException(ConflictException.class)
          .expectNoEvents();
    }

    @Test
    void aSecondRequestAwaitsTheFirstsDecision() {
      fixture
          .given(registered(validation), requested())
          .when(anAfisRequest(dossierId, "request-2").command())
          .expectException(conflict("attend la décision"))
          .expectNoEvents();
    }

    @Test
    void aRequestAfterThePathwayEndedIsRefused() {
      fixture
          .given(
              registered(validation),
              new PathwayEnded(dossierId, "31", LocalDate.of(2022, 8, 2), null))
          .when(anAfisRequest(dossierId, REQUEST).command())
          .expectException(conflict("a pris fin"))
          .expectNoEvents();
    }

    @Test
    void theRenewalOfThePathwayExtendsTheAfis() {
      LocalDate renewedOn = LocalDate.of(2023, 1, 20);
      LocalDate until = LocalDate.of(2023, 7, 31);
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(new RenewPathwayCommand(dossierId, "31", renewedOn, until))
          .expectEvents(
              new PathwayRenewed(dossierId, "31", renewedOn, until),
              new AfisRenewed(dossierId, "31", renewedOn, until));
      fixture
          .given(registered(validation), new PathwayRenewed(dossierId, "31", renewedOn, until))
          .when(new RenewPathwayCommand(dossierId, "31", renewedOn, until))
          .expectNoEvents();
    }
  }

  @Nested
  class Payments {

    @Test
    void aMonthIsPaidAtTheAmountInForceThatMonth() {
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(pay("2022-11"))
          .expectResultMessagePayload(PaymentOutcome.paid(44_928))
          .expectEvents(paid("2022-11", 44_928, "décret 2022-1340"));
    }

    @Test
    void aMonthIsPaidOnceWhateverTheRuns() {
      fixture
          .given(
              registered(validation),
              permitIssued(),
              requested(),
              granted(),
              paid("2022-10", 43_200, "décret 2017-542"))
          .when(new PayAfisCommand(dossierId, "31", YearMonth.of(2022, 10), "run-2", TODAY))
          .expectResultMessagePayload(PaymentOutcome.not(PaymentOutcome.Status.ALREADY_PAID))
          .expectNoEvents();
    }

    @Test
    void nothingIsPaidOutsideTheRightOrWithoutOne() {
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(pay("2023-02"))
          .expectResultMessagePayload(PaymentOutcome.not(PaymentOutcome.Status.NOT_DUE))
          .expectNoEvents();
      fixture
          .given(registered(validation))
          .when(pay("2022-09"))
          .expectResultMessagePayload(PaymentOutcome.not(PaymentOutcome.Status.NOT_DUE))
          .expectNoEvents();
    }

    @Test
    void aSuspensionTakesEffectFromTheMonthAfterTheDecision() {
      LocalDate decided = LocalDate.of(2022, 10, 12);
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(new SuspendAfisCommand(dossierId, "31", decided, AfisStopReason.COMMITMENTS_BROKEN))
          .expectEvents(
              new AfisSuspended(
                  dossierId,
                  "31",
                  decided,
                  YearMonth.of(2022, 11),
                  AfisStopReason.COMMITMENTS_BROKEN));
      fixture
          .given(registered(validation), permitIssued(), requested(), granted(), suspended())
          .when(pay("2022-10"))
          .expectResultMessagePayload(PaymentOutcome.paid(43_200));
      fixture
          .given(registered(validation), permitIssued(), requested(), granted(), suspended())
          .when(pay("2022-11"))
          .expectResultMessagePayload(PaymentOutcome.not(PaymentOutcome.Status.SUSPENDED))
          .expectNoEvents();
    }

    @Test
    void aSuspensionDatedBeforeTheRightStartedIsRefusedNamingTheField() {
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(
              new SuspendAfisCommand(
                  dossierId, "31", LocalDate.of(2022, 7, 31), AfisStopReason.COMMITMENTS_BROKEN))
          .expectException(invalid("decidedOn"))
          .expectNoEvents();
    }

    @Test
    void aLiftedSuspensionPaysAgainFromTheMonthAfter() {
      LocalDate decided = LocalDate.of(2022, 12, 5);
      fixture
          .given(registered(validation), permitIssued(), requested(), granted(), suspended())
          .when(new ResumeAfisCommand(dossierId, "31", decided))
          .expectEvents(new AfisResumed(dossierId, "31", decided, YearMonth.of(2023, 1)));
    }

    @Test
    void aStopTakesEffectFromTheMonthAfterTheDecision() {
      LocalDate decided = LocalDate.of(2022, 10, 12);
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(
              new StopAfisCommand(
                  dossierId, "31", decided, AfisStopReason.CONDITIONS_NO_LONGER_MET))
          .expectEvents(
              new AfisEnded(
                  dossierId,
                  "31",
                  decided,
                  LocalDate.of(2022, 10, 31),
                  YearMonth.of(2022, 10),
                  AfisEndReason.CONDITIONS_NO_LONGER_MET));
    }

    @Test
    void monthsPaidAfterALateStopAreToRecover() {
      LocalDate decided = LocalDate.of(2022, 10, 12);
      fixture
          .given(
              registered(validation),
              permitIssued(),
              requested(),
              granted(),
              paid("2022-10", 43_200, "décret 2017-542"),
              paid("2022-11", 44_928, "décret 2022-1340"),
              paid("2022-12", 44_928, "décret 2022-1340"))
          .when(new StopAfisCommand(dossierId, "31", decided, AfisStopReason.COMMITMENTS_BROKEN))
          .expectEvents(
              new AfisEnded(
                  dossierId,
                  "31",
                  decided,
                  LocalDate.of(2022, 10, 31),
                  YearMonth.of(2022, 10),
                  AfisEndReason.COMMITMENTS_BROKEN),
              new AfisOverpaymentRecorded(
                  dossierId,
                  "31",
                  TODAY,
                  List.of(
                      new AfisOverpaymentRecorded.Overpaid(YearMonth.of(2022, 11), 44_928),
                      new AfisOverpaymentRecorded.Overpaid(YearMonth.of(2022, 12), 44_928))));
    }

    @Test
    void aLateEndOfThePathwayMakesTheMonthsPaidBeyondItAnAmountToRecover() {
      // ended on 15 November 2022, recorded after November and December were paid in full
      LocalDate lastDay = LocalDate.of(2022, 11, 15);
      long novemberDue = 44_928L * 15 / 30;
      fixture
          .given(
              registered(validation),
              permitIssued(),
              requested(),
              granted(),
              paid("2022-11", 44_928, "décret 2022-1340"),
              paid("2022-12", 44_928, "décret 2022-1340"))
          .when(new EndPathwayCommand(dossierId, "31", lastDay, lastDay))
          .expectEvents(
              new PathwayEnded(dossierId, "31", lastDay, lastDay),
              new PermitEnded(dossierId, "31", lastDay, PermitEndReason.WITHDRAWN),
              new AfisEnded(
                  dossierId,
                  "31",
                  lastDay,
                  lastDay,
                  YearMonth.of(2022, 11),
                  AfisEndReason.PATHWAY_ENDED),
              new AfisOverpaymentRecorded(
                  dossierId,
                  "31",
                  TODAY,
                  List.of(
                      new AfisOverpaymentRecorded.Overpaid(
                          YearMonth.of(2022, 11), 44_928 - novemberDue),
                      new AfisOverpaymentRecorded.Overpaid(YearMonth.of(2022, 12), 44_928))));
    }

    @Test
    void anOverpaymentIsClaimedOnce() {
      LocalDate decided = LocalDate.of(2022, 11, 3);
      fixture
          .given(
              registered(validation),
              permitIssued(),
              requested(),
              granted(),
              paid("2022-12", 44_928, "décret 2022-1340"),
              new AfisSuspended(
                  dossierId,
                  "31",
                  decided,
                  YearMonth.of(2022, 12),
                  AfisStopReason.COMMITMENTS_BROKEN),
              new AfisOverpaymentRecorded(
                  dossierId,
                  "31",
                  TODAY,
                  List.of(new AfisOverpaymentRecorded.Overpaid(YearMonth.of(2022, 12), 44_928))))
          .when(new StopAfisCommand(dossierId, "31", decided, AfisStopReason.COMMITMENTS_BROKEN))
          .expectEvents(
              new AfisEnded(
                  dossierId,
                  "31",
                  decided,
                  LocalDate.of(2022, 11, 30),
                  YearMonth.of(2022, 11),
                  AfisEndReason.COMMITMENTS_BROKEN));
    }

    @Test
    void aChangeOfHouseholdReassessesFromTheNextMonth() {
      LocalDate changed = LocalDate.of(2022, 12, 14);
      fixture
          .given(registered(validation), permitIssued(), requested(), granted())
          .when(new ChangeHouseholdCommand(dossierId, "31", changed, 2))
          .expectEvents(
              new AfisReassessed(dossierId, "31", changed, YearMonth.of(2023, 1), 2, 55_536));
      fixture
          .given(
              registered(validation),
              permitIssued(),
              requested(),
              granted(),
              new AfisReassessed(dossierId, "31", changed, YearMonth.of(2023, 1), 2, 55_536))
          .when(pay("2023-01"))
          .expectResultMessagePayload(PaymentOutcome.paid(55_536));
    }

    @Test
    void aChangeOfHouseholdNeverReachesAMonthPaid() {
      fixture
          .given(
              registered(validation),
              permitIssued(),
              requested(),
              granted(),
              paid("2023-01", 44_928, "décret 2022-1340"))
          .when(new ChangeHouseholdCommand(dossierId, "31", LocalDate.of(2022, 12, 14), 2))
          .expectException(conflict("déjà versée"))
          .expectNoEvents();
    }

    private PayAfisCommand pay(String month) {
      return new PayAfisCommand(dossierId, "31", YearMonth.parse(month), "run-1", TODAY);
    }

    private AfisSuspended suspended() {
      return new AfisSuspended(
          dossierId,
          "31",
          LocalDate.of(2022, 10, 12),
          YearMonth.of(2022, 11),
          AfisStopReason.COMMITMENTS_BROKEN);
    }
  }

  @Nested
  class Outcomes {

    @Test
    void aJobStartsAndEnds() {
      RecordEmploymentCommand job = aPermanentJob(dossierId, "job-1", LocalDate.of(2022, 9, 5));
      fixture
          .given(registered(validation))
          .when(job)
          .expectEvents(
              new EmploymentRecorded(
                  dossierId,
                  "31",
                  ContractType.CDI,
                  LocalDate.of(2022, 9, 5),
                  BigDecimal.valueOf(35),
                  "job-1",
                  null));
      fixture
          .given(registered(validation), recorded(job))
          .when(new EndEmploymentCommand(dossierId, "31", "job-1", LocalDate.of(2023, 3, 31)))
          .expectEvents(new EmploymentEnded(dossierId, "31", "job-1", LocalDate.of(2023, 3, 31)));
    }

    @Test
    void aTrainingIsNotAnEmploymentNorHasACdiAPlannedEnd() {
      fixture
          .given(registered(validation))
          .when(
              new RecordEmploymentCommand(
                  dossierId,
                  "31",
                  "job-1",
                  ContractType.TRAINING,
                  LocalDate.of(2022, 9, 5),
                  null,
                  BigDecimal.TEN))
          .expectException(invalid("contractType"))
          .expectNoEvents();
      fixture
          .given(registered(validation))
          .when(
              new RecordEmploymentCommand(
                  dossierId,
                  "31",
                  "job-1",
                  ContractType.CDI,
                  LocalDate.of(2022, 9, 5),
                  LocalDate.of(2023, 9, 5),
                  BigDecimal.TEN))
          .expectException(invalid("endDate"))
          .expectNoEvents();
    }

    @Test
    void aJobCannotStartBeforeThePathwayNorEndBeforeItStarted() {
      fixture
          .given(registered(validation))
          .when(aPermanentJob(dossierId, "job-1", PATHWAY_START.minusDays(1)))
          .expectException(EmploymentBeforePathwayException.class);
      RecordEmploymentCommand job = aPermanentJob(dossierId, "job-1", LocalDate.of(2022, 9, 5));
      fixture
          .given(registered(validation), recorded(job))
          .when(new EndEmploymentCommand(dossierId, "31", "job-1", LocalDate.of(2022, 9, 4)))
          .expectException(invalid("endDate"))
          .expectNoEvents();
    }

    @Test
    void aTrainingIsRecordedApart() {
      fixture
          .given(registered(validation))
          .when(
              new RecordTrainingCommand(
                  dossierId,
                  "31",
                  "t-1",
                  LocalDate.of(2022, 10, 3),
                  LocalDate.of(2023, 2, 24),
                  null))
          .expectEvents(
              new TrainingRecorded(
                  dossierId,
                  "31",
                  "t-1",
                  LocalDate.of(2022, 10, 3),
                  LocalDate.of(2023, 2, 24),
                  null));
    }

    @Test
    void housingStepsFollowOneAnother() {
      fixture
          .given(
              registered(validation),
              new HousingStepRecorded(
                  dossierId, "31", HousingStep.EMERGENCY_SHELTER, LocalDate.of(2022, 8, 1)))
          .when(
              new RecordHousingStepCommand(
                  dossierId, "31", HousingStep.TEMPORARY_HOUSING, LocalDate.of(2022, 9, 12)))
          .expectEvents(
              new HousingStepRecorded(
                  dossierId, "31", HousingStep.TEMPORARY_HOUSING, LocalDate.of(2022, 9, 12)));
      fixture
          .given(
              registered(validation),
              new HousingStepRecorded(
                  dossierId, "31", HousingStep.TEMPORARY_HOUSING, LocalDate.of(2022, 9, 12)))
          .when(
              new RecordHousingStepCommand(
                  dossierId, "31", HousingStep.SOCIAL_HOUSING, LocalDate.of(2022, 9, 1)))
          .expectException(invalid("from"))
          .expectNoEvents();
    }

    private EmploymentRecorded recorded(RecordEmploymentCommand job) {
      return new EmploymentRecorded(
          dossierId,
          "31",
          job.contractType(),
          job.startDate(),
          job.weeklyHours(),
          job.employmentId(),
          job.endDate());
    }
  }

  /**
   * Today is the day of the beneficiary's département: at 22:30 UTC on 30 November 2026 it is
   * already 1 December in La Réunion but still the 30th in Paris; at 02:30 UTC on 1 December it is
   * the 1st in Paris but still the 30th in Martinique.
   */
  @Nested
  class DaysOfTheBeneficiarysDepartement {

    private static final Instant PARIS_LATE_EVENING = Instant.parse("2026-11-30T22:30:00Z");
    private static final Instant PARIS_SMALL_HOURS = Instant.parse("2026-12-01T02:30:00Z");
    private static final LocalDate FIRST_OF_DECEMBER = LocalDate.of(2026, 12, 1);

    @Test
    void aReunionDateOfTheFirstIsTodayThereWhileParisIsStillOnTheThirtieth() {
      RegisterBeneficiaryCommand reunion = aValidation(dossierId).inDepartment("974").command();
      at(PARIS_LATE_EVENING)
          .given(registered(reunion))
          .when(housingFrom("974", FIRST_OF_DECEMBER))
          .expectEvents(
              new HousingStepRecorded(
                  dossierId, "974", HousingStep.EMERGENCY_SHELTER, FIRST_OF_DECEMBER));
    }

    @Test
    void aMetropolitanDateOfTheFirstIsInTheFutureWhileParisIsOnTheThirtieth() {
      at(PARIS_LATE_EVENING)
          .given(registered(validation))
          .when(housingFrom("31", FIRST_OF_DECEMBER))
          .expectException(inTheFuture("from"))
          .expectNoEvents();
    }

    @Test
    void aMartiniqueDateOfTheFirstIsInTheFutureWhileParisIsAlreadyOnIt() {
      RegisterBeneficiaryCommand martinique = aValidation(dossierId).inDepartment("972").command();
      at(PARIS_SMALL_HOURS)
          .given(registered(martinique))
          .when(housingFrom("972", FIRST_OF_DECEMBER))
          .expectException(inTheFuture("from"))
          .expectNoEvents();
      at(PARIS_SMALL_HOURS)
          .given(registered(validation))
          .when(housingFrom("31", FIRST_OF_DECEMBER))
          .expectEvents(
              new HousingStepRecorded(
                  dossierId, "31", HousingStep.EMERGENCY_SHELTER, FIRST_OF_DECEMBER));
    }

    @Test
    void anAmountToRecoverIsRecordedOnTheDepartementsDay() {
      RegisterBeneficiaryCommand martinique = aValidation(dossierId).inDepartment("972").command();
      LocalDate decided = LocalDate.of(2022, 10, 12);
      at(PARIS_SMALL_HOURS)
          .given(
              registered(martinique),
              permitIssued(),
              requested(),
              granted(),
              paid("2022-10", 43_200, "décret 2017-542"),
              paid("2022-11", 44_928, "décret 2022-1340"))
          .when(new StopAfisCommand(dossierId, "972", decided, AfisStopReason.COMMITMENTS_BROKEN))
          .expectEvents(
              new AfisEnded(
                  dossierId,
                  "972",
                  decided,
                  LocalDate.of(2022, 10, 31),
                  YearMonth.of(2022, 10),
                  AfisEndReason.COMMITMENTS_BROKEN),
              new AfisOverpaymentRecorded(
                  dossierId,
                  "972",
                  LocalDate.of(2026, 11, 30),
                  List.of(new AfisOverpaymentRecorded.Overpaid(YearMonth.of(2022, 11), 44_928))));
    }

    private FixtureConfiguration<Beneficiary> at(Instant now) {
      AggregateTestFixture<Beneficiary> fixture = new AggregateTestFixture<>(Beneficiary.class);
      fixture.registerInjectableResource(Beneficiaries.theRightsPolicy());
      fixture.registerInjectableResource(Clock.fixed(now, ZoneId.of("Europe/Paris")));
      return fixture;
    }

    private RecordHousingStepCommand housingFrom(String departement, LocalDate from) {
      return new RecordHousingStepCommand(
          dossierId, departement, HousingStep.EMERGENCY_SHELTER, from);
    }
  }

  private PermitIssued permitIssued() {
    return new PermitIssued(dossierId, "31", PATHWAY_START, PATHWAY_END, DECIDED_ON);
  }

  private AfisRequested requested() {
    return requested(anAfisRequest(dossierId, REQUEST));
  }

  private AfisRequested requested(Beneficiaries.AfisRequest request) {
    var command = request.command();
    return new AfisRequested(
        command.dossierId(),
        command.departmentCode(),
        command.requestId(),
        command.requestedOn(),
        command.children(),
        command.previousMonthResourcesCents(),
        command.receivesRsa(),
        command.receivesAda(),
        command.residenceDocument(),
        command.ageBand());
  }

  private AfisGranted granted() {
    return new AfisGranted(
        dossierId,
        "31",
        43_200,
        Territory.MAINLAND,
        PATHWAY_START,
        PATHWAY_END,
        REQUEST,
        LocalDate.of(2022, 8, 10),
        1,
        "décret 2017-542");
  }

  private AfisPaid paid(String month, long cents, String scale) {
    return new AfisPaid(
        dossierId,
        "31",
        YearMonth.parse(month),
        cents,
        cents,
        Territory.MAINLAND,
        1,
        scale,
        null,
        null,
        "run-1",
        TODAY);
  }

  /** An invalid request naming exactly {@code fields}. */
  private static Matcher<?> invalid(String... fields) {
    return Matchers.predicate(
        (Object failure) ->
            failure instanceof InvalidRequestException invalid
                && invalid.errors().stream()
                    .map(FieldError::field)
                    .toList()
                    .equals(Arrays.asList(fields)));
  }

  /** Refused naming only {@code field}, as a date in the future. */
  private static Matcher<?> inTheFuture(String field) {
    return Matchers.predicate(
        (Object failure) ->
            failure instanceof InvalidRequestException invalid
                && invalid
                    .errors()
                    .equals(List.of(FieldError.of(field, "ne peut pas être dans le futur"))));
  }

  /** A conflict whose detail says {@code text}. */
  private static Matcher<?> conflict(String text) {
    return Matchers.predicate(
        (Object failure) ->
            failure instanceof ConflictException conflict && conflict.getMessage().contains(text));
  }
}
