package fr.passerelle.benefits.beneficiary.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.ChangeHouseholdCommand;
import fr.passerelle.benefits.beneficiary.api.DecideAfisCommand;
import fr.passerelle.benefits.beneficiary.api.EmploymentEnded;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.EndEmploymentCommand;
import fr.passerelle.benefits.beneficiary.api.EndPathwayCommand;
import fr.passerelle.benefits.beneficiary.api.EndTrainingCommand;
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
import fr.passerelle.benefits.beneficiary.api.RequestAfisCommand;
import fr.passerelle.benefits.beneficiary.api.ResumeAfisCommand;
import fr.passerelle.benefits.beneficiary.api.StopAfisCommand;
import fr.passerelle.benefits.beneficiary.api.SuspendAfisCommand;
import fr.passerelle.benefits.beneficiary.api.TrainingEnded;
import fr.passerelle.benefits.beneficiary.api.TrainingRecorded;
import fr.passerelle.benefits.beneficiary.api.WithdrawPermitCommand;
import fr.passerelle.benefits.events.AfisEndReason;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.benefits.events.Territory;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The person whose pathway the préfet authorised (identified by the dossier): the rights decided
 * for them over the pathway's life (residence permit, AFIS and its monthly payments) and the
 * integration outcomes recorded since. Each right is a decision with its dates; nothing is opened
 * by the validation alone.
 */
@Aggregate
public class Beneficiary {

  @AggregateIdentifier private String dossierId;
  private String departmentCode;

  // the profile the rights are assessed on; null for beneficiaries registered before it was kept
  private String nationality;
  private String ageBand;
  private boolean traffickingVictim;
  private Boolean procuringVictim;

  private LocalDate pathwayDecidedOn;
  private LocalDate pathwayStart;
  private LocalDate pathwayEnd;
  private LocalDate pathwayLastDay;

  private Permit permit;

  private final Map<String, AfisRequested> afisRequests = new HashMap<>();
  private final Set<String> decidedRequests = new HashSet<>();
  private AfisRight afis;
  private LocalDate lastAfisDecision;
  private final Map<YearMonth, Long> paidByMonth = new TreeMap<>();
  private final Map<YearMonth, Long> recoveredByMonth = new HashMap<>();

  private final Map<String, Activity> employments = new HashMap<>();
  private final Map<String, Activity> trainings = new HashMap<>();
  private LocalDate lastHousingFrom;

  protected Beneficiary() {
    // created by Axon for a new dossier, or rebuilt from its events
  }

  /**
   * Registers the beneficiary of an authorised pathway. A validation delivered again (a
   * re-published event) finds it registered and changes nothing.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RegisterBeneficiaryCommand command) {
    if (dossierId != null) {
      return;
    }
    apply(
        new BeneficiaryRegistered(
            command.dossierId(),
            command.departmentCode(),
            command.decidedOn(),
            command.startDate(),
            command.endDate(),
            command.associationId(),
            command.nationality(),
            command.ageBand(),
            command.children(),
            command.traffickingVictim(),
            command.procuringVictim()));
  }

  /** The pathway runs on: so does the AFIS. A renewal delivered again changes nothing. */
  @CommandHandler
  void handle(RenewPathwayCommand command) {
    requireDepartment(command.departmentCode());
    if (pathwayLastDay != null || !command.endDate().isAfter(pathwayEnd)) {
      return;
    }
    apply(new PathwayRenewed(dossierId, departmentCode, command.decidedOn(), command.endDate()));
    if (afis != null && !afis.ended()) {
      apply(new AfisRenewed(dossierId, departmentCode, command.decidedOn(), command.endDate()));
    }
  }

  /**
   * The pathway ended: the permit expires with it at its term, or is withdrawn when it ends early;
   * the AFIS ends on its last day, and what was paid beyond becomes an amount to recover.
   */
  @CommandHandler
  void handle(EndPathwayCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    if (pathwayLastDay != null) {
      return;
    }
    LocalDate lastDay = command.lastDay();
    apply(new PathwayEnded(dossierId, departmentCode, lastDay, command.decidedOn()));
    if (permit != null && permit.inForce()) {
      boolean early = permit.validUntil().isAfter(lastDay);
      apply(
          new PermitEnded(
              dossierId,
              departmentCode,
              early ? lastDay : permit.validUntil(),
              early ? PermitEndReason.WITHDRAWN : PermitEndReason.EXPIRED));
    }
    if (afis != null && !afis.ended()) {
      LocalDate endedOn = lastDay.isBefore(afis.until()) ? lastDay : afis.until();
      apply(
          new AfisEnded(
              dossierId,
              departmentCode,
              command.decidedOn() == null ? lastDay : command.decidedOn(),
              endedOn,
              afis.endedOn(endedOn).lastMonth().orElse(null),
              AfisEndReason.PATHWAY_ENDED));
      recordOverpayments(policy, today(clock));
    }
  }

  @CommandHandler
  void handle(IssuePermitCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    new FieldChecks(today(clock))
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), pathwayDecidedOn, "l'autorisation du parcours")
        .notBefore("validFrom", command.validFrom(), command.decidedOn(), "la décision")
        .notBefore(
            "validUntil",
            command.validUntil(),
            policy.shortestPermitUntil(command.validFrom()),
            "six mois de validité au moins")
        .verify();
    requireProfile();
    if (permit != null && permit.inForce() && !permit.validUntil().isBefore(command.validFrom())) {
      throw new ConflictException(
          "Une autorisation provisoire de séjour est en cours de validité jusqu'au %s : renouvelez-la."
              .formatted(permit.validUntil()));
    }
    requirePermitConditions(policy, command.validFrom(), command.ceasedProstitution(), "délivrer");
    apply(
        new PermitIssued(
            dossierId,
            departmentCode,
            command.validFrom(),
            command.validUntil(),
            command.decidedOn()));
  }

  @CommandHandler
  void handle(RenewPermitCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    if (permit == null || !permit.inForce()) {
      throw new ConflictException(
          "Aucune autorisation provisoire de séjour en cours à renouveler : délivrez-en une.");
    }
    LocalDate validFrom = permit.validUntil().plusDays(1);
    new FieldChecks(today(clock))
        .notFuture("decidedOn", command.decidedOn())
        .notBefore(
            "decidedOn", command.decidedOn(), permit.lastDecidedOn(), "la décision précédente")
        .notBefore(
            "validUntil",
            command.validUntil(),
            policy.shortestPermitUntil(validFrom),
            "six mois de validité au moins à compter du " + validFrom)
        .verify();
    requireProfile();
    requirePermitConditions(policy, validFrom, command.ceasedProstitution(), "renouveler");
    apply(
        new PermitRenewed(
            dossierId, departmentCode, command.decidedOn(), validFrom, command.validUntil()));
  }

  @CommandHandler
  void handle(RefusePermitCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    new FieldChecks(today(clock))
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), pathwayDecidedOn, "l'autorisation du parcours")
        .verify();
    apply(
        new PermitRefused(
            dossierId, departmentCode, command.decidedOn(), command.reason(), permit != null));
  }

  @CommandHandler
  void handle(WithdrawPermitCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    if (permit == null || !permit.inForce()) {
      throw new ConflictException("Aucune autorisation provisoire de séjour en cours à retirer.");
    }
    new FieldChecks(today(clock))
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), permit.validFrom(), "le début du titre")
        .verify();
    apply(
        new PermitEnded(dossierId, departmentCode, command.decidedOn(), PermitEndReason.WITHDRAWN));
  }

  @CommandHandler
  void handle(RequestAfisCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    new FieldChecks(today(clock))
        .notFuture("requestedOn", command.requestedOn())
        .notBefore(
            "requestedOn", command.requestedOn(), pathwayDecidedOn, "l'autorisation du parcours")
        .verify();
    requirePathwayOn(command.requestedOn());
    afisRequests.values().stream()
        .filter(request -> !decidedRequests.contains(request.requestId()))
        .findFirst()
        .ifPresent(
            pending -> {
              throw new ConflictException(
                  "La demande d'AFIS du %s attend la décision du préfet."
                      .formatted(pending.requestedOn()));
            });
    if (afis != null) {
      throw new ConflictException(
          afis.ended()
              ? "L'AFIS de ce parcours a pris fin le %s.".formatted(afis.lastDay())
              : "L'AFIS est déjà accordée : déclarez un changement de foyer.");
    }
    apply(
        new AfisRequested(
            dossierId,
            departmentCode,
            command.requestId(),
            command.requestedOn(),
            command.children(),
            command.previousMonthResourcesCents(),
            command.receivesRsa(),
            command.receivesAda(),
            command.residenceDocument(),
            command.ageBand()));
  }

  /**
   * Assesses every condition at the decision's date: the AFIS is granted for the pathway's period
   * when all are met, refused with all the unmet ones otherwise.
   */
  @CommandHandler
  AfisDecision handle(DecideAfisCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    AfisRequested request = afisRequests.get(command.requestId());
    if (request == null) {
      throw new NotFoundException("Aucune demande d'AFIS de ce numéro pour ce bénéficiaire.");
    }
    if (decidedRequests.contains(command.requestId())) {
      throw new ConflictException("Cette demande d'AFIS est déjà décidée.");
    }
    new FieldChecks(today(clock))
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), request.requestedOn(), "la demande")
        .verify();
    requirePathwayOn(command.decidedOn());
    requireProfile();
    List<AfisRefusalReason> unmet =
        policy.unmetAfisConditions(
            new AfisConditions(
                request.ageBand() == null ? ageBand : request.ageBand(),
                nationality,
                request.residenceDocument(),
                permitInForceOn(command.decidedOn()),
                request.previousMonthResourcesCents(),
                request.requestedOn(),
                request.receivesRsa(),
                request.receivesAda()));
    if (!unmet.isEmpty()) {
      apply(
          new AfisRefused(
              dossierId,
              departmentCode,
              unmet.get(0),
              command.decidedOn(),
              unmet,
              command.requestId()));
      return new AfisDecision(false, unmet);
    }
    Territory territory = RightsPolicy.territoryOf(departmentCode);
    YearMonth firstMonth = YearMonth.from(pathwayStart);
    AfisScale scale = policy.afisScale(territory, firstMonth);
    apply(
        new AfisGranted(
            dossierId,
            departmentCode,
            scale.amounts().forChildren(request.children()),
            territory,
            pathwayStart,
            pathwayEnd,
            command.requestId(),
            command.decidedOn(),
            request.children(),
            scale.source()));
    return new AfisDecision(true, List.of());
  }

  /** Suspends the AFIS from the month after the decision. */
  @CommandHandler
  void handle(SuspendAfisCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    requireRunningAfis();
    LocalDate today = today(clock);
    new FieldChecks(today)
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), afis.from(), "le début du droit")
        .notBefore("decidedOn", command.decidedOn(), lastAfisDecision, "la décision précédente")
        .verify();
    if (afis.suspended()) {
      throw new ConflictException("L'AFIS est déjà suspendue.");
    }
    YearMonth fromMonth = YearMonth.from(command.decidedOn()).plusMonths(1);
    requireMonthsLeft(fromMonth, "suspendre");
    apply(
        new AfisSuspended(
            dossierId, departmentCode, command.decidedOn(), fromMonth, command.reason()));
    recordOverpayments(policy, today);
  }

  @CommandHandler
  void handle(ResumeAfisCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    requireRunningAfis();
    if (!afis.suspended()) {
      throw new ConflictException("L'AFIS n'est pas suspendue.");
    }
    new FieldChecks(today(clock))
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), lastAfisDecision, "la suspension")
        .verify();
    apply(
        new AfisResumed(
            dossierId,
            departmentCode,
            command.decidedOn(),
            YearMonth.from(command.decidedOn()).plusMonths(1)));
  }

  /** Stops the AFIS: nothing is due after the month of the decision. */
  @CommandHandler
  void handle(StopAfisCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    requireRunningAfis();
    LocalDate today = today(clock);
    new FieldChecks(today)
        .notFuture("decidedOn", command.decidedOn())
        .notBefore("decidedOn", command.decidedOn(), afis.from(), "le début du droit")
        .notBefore("decidedOn", command.decidedOn(), lastAfisDecision, "la décision précédente")
        .verify();
    LocalDate endOfMonth = YearMonth.from(command.decidedOn()).atEndOfMonth();
    LocalDate endedOn = endOfMonth.isBefore(afis.lastDay()) ? endOfMonth : afis.lastDay();
    apply(
        new AfisEnded(
            dossierId,
            departmentCode,
            command.decidedOn(),
            endedOn,
            YearMonth.from(endedOn),
            switch (command.reason()) {
              case COMMITMENTS_BROKEN -> AfisEndReason.COMMITMENTS_BROKEN;
              case CONDITIONS_NO_LONGER_MET -> AfisEndReason.CONDITIONS_NO_LONGER_MET;
            }));
    recordOverpayments(policy, today);
  }

  /** A change of household re-assesses the AFIS from the next month, never a month paid. */
  @CommandHandler
  void handle(ChangeHouseholdCommand command, RightsPolicy policy, Clock clock) {
    requireDepartment(command.departmentCode());
    requireRunningAfis();
    new FieldChecks(today(clock))
        .notFuture("changedOn", command.changedOn())
        .notBefore("changedOn", command.changedOn(), afis.from(), "le début du droit")
        .verify();
    YearMonth fromMonth = YearMonth.from(command.changedOn()).plusMonths(1);
    requireMonthsLeft(fromMonth, "réévaluer");
    paidByMonth.keySet().stream()
        .filter(month -> !month.isBefore(fromMonth))
        .findFirst()
        .ifPresent(
            month -> {
              throw new ConflictException(
                  "L'AFIS de %s est déjà versée : un changement de foyer ne s'applique qu'aux mois à venir."
                      .formatted(month));
            });
    apply(
        new AfisReassessed(
            dossierId,
            departmentCode,
            command.changedOn(),
            fromMonth,
            command.children(),
            policy.monthlyAmountCents(afis.territory(), fromMonth, command.children())));
  }

  /**
   * Pays the month if anything is due and it is not paid yet, by this run or another: a month is
   * paid once, whatever runs ask for it and however often.
   */
  @CommandHandler
  PaymentOutcome handle(PayAfisCommand command, RightsPolicy policy) {
    requireDepartment(command.departmentCode());
    if (afis == null) {
      return PaymentOutcome.not(PaymentOutcome.Status.NOT_DUE);
    }
    if (paidByMonth.containsKey(command.month())) {
      return PaymentOutcome.not(PaymentOutcome.Status.ALREADY_PAID);
    }
    AfisMonth month = policy.due(afis, command.month());
    if (month instanceof AfisMonth.NotDue notDue) {
      return PaymentOutcome.not(notDue.reason());
    }
    AfisMonth.Due due = (AfisMonth.Due) month;
    apply(
        new AfisPaid(
            dossierId,
            departmentCode,
            due.month(),
            due.amountCents(),
            due.fullMonthAmountCents(),
            due.territory(),
            due.children(),
            due.scaleReference(),
            due.oneOffAidCents(),
            due.oneOffAidReference(),
            command.paymentRunId(),
            command.paidOn()));
    return PaymentOutcome.paid(due.totalCents());
  }

  @CommandHandler
  void handle(RecordEmploymentCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    FieldChecks checks = new FieldChecks(today(clock)).notFuture("startDate", command.startDate());
    if (command.contractType() == ContractType.TRAINING) {
      checks.fail("contractType", "une formation s'enregistre à part, comme formation");
    }
    if (command.endDate() != null) {
      if (command.contractType() == ContractType.CDI) {
        checks.fail("endDate", "un CDI n'a pas de fin prévue");
      }
      checks.notBefore("endDate", command.endDate(), command.startDate(), "le début de l'emploi");
    }
    checks.verify();
    if (command.startDate().isBefore(pathwayStart)) {
      throw new EmploymentBeforePathwayException(pathwayStart);
    }
    if (employments.containsKey(command.employmentId())) {
      throw new ConflictException("Cet emploi est déjà enregistré.");
    }
    apply(
        new EmploymentRecorded(
            dossierId,
            departmentCode,
            command.contractType(),
            command.startDate(),
            command.weeklyHours(),
            command.employmentId(),
            command.endDate()));
  }

  @CommandHandler
  void handle(EndEmploymentCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    Activity job = employments.get(command.employmentId());
    if (job == null) {
      throw new NotFoundException("Aucun emploi de ce numéro pour ce bénéficiaire.");
    }
    if (job.ended()) {
      throw new ConflictException("Cet emploi a déjà pris fin.");
    }
    new FieldChecks(today(clock))
        .notFuture("endDate", command.endDate())
        .notBefore("endDate", command.endDate(), job.start(), "le début de l'emploi")
        .verify();
    apply(
        new EmploymentEnded(dossierId, departmentCode, command.employmentId(), command.endDate()));
  }

  @CommandHandler
  void handle(RecordTrainingCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    FieldChecks checks =
        new FieldChecks(today(clock))
            .notFuture("startDate", command.startDate())
            .notBefore("startDate", command.startDate(), pathwayStart, "le début du parcours");
    if (command.endDate() != null) {
      checks.notBefore(
          "endDate", command.endDate(), command.startDate(), "le début de la formation");
    }
    checks.verify();
    if (trainings.containsKey(command.trainingId())) {
      throw new ConflictException("Cette formation est déjà enregistrée.");
    }
    apply(
        new TrainingRecorded(
            dossierId,
            departmentCode,
            command.trainingId(),
            command.startDate(),
            command.endDate(),
            command.weeklyHours()));
  }

  @CommandHandler
  void handle(EndTrainingCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    Activity training = trainings.get(command.trainingId());
    if (training == null) {
      throw new NotFoundException("Aucune formation de ce numéro pour ce bénéficiaire.");
    }
    if (training.ended()) {
      throw new ConflictException("Cette formation a déjà pris fin.");
    }
    new FieldChecks(today(clock))
        .notFuture("endDate", command.endDate())
        .notBefore("endDate", command.endDate(), training.start(), "le début de la formation")
        .verify();
    apply(new TrainingEnded(dossierId, departmentCode, command.trainingId(), command.endDate()));
  }

  @CommandHandler
  void handle(RecordHousingStepCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    new FieldChecks(today(clock))
        .notFuture("from", command.from())
        .notBefore("from", command.from(), lastHousingFrom, "l'étape précédente")
        .verify();
    apply(new HousingStepRecorded(dossierId, departmentCode, command.step(), command.from()));
  }

  @EventSourcingHandler
  void on(BeneficiaryRegistered event) {
    this.dossierId = event.dossierId();
    this.departmentCode = event.departmentCode();
    this.pathwayDecidedOn = event.decidedOn();
    this.pathwayStart = event.startDate();
    this.pathwayEnd = event.endDate();
    this.nationality = event.nationality();
    this.ageBand = event.ageBand();
    this.traffickingVictim = Boolean.TRUE.equals(event.traffickingVictim());
    this.procuringVictim = event.procuringVictim();
  }

  @EventSourcingHandler
  void on(PathwayRenewed event) {
    this.pathwayEnd = event.endDate();
  }

  @EventSourcingHandler
  void on(PathwayEnded event) {
    this.pathwayLastDay = event.lastDay();
  }

  @EventSourcingHandler
  void on(PermitIssued event) {
    this.permit = new Permit(event.validFrom(), event.validUntil(), null, event.decidedOn());
  }

  @EventSourcingHandler
  void on(PermitRenewed event) {
    this.permit = new Permit(permit.validFrom(), event.validUntil(), null, event.decidedOn());
  }

  @EventSourcingHandler
  void on(PermitEnded event) {
    this.permit = new Permit(permit.validFrom(), permit.validUntil(), event.endedOn(), null);
  }

  @EventSourcingHandler
  void on(AfisRequested event) {
    afisRequests.put(event.requestId(), event);
  }

  @EventSourcingHandler
  void on(AfisGranted event) {
    if (event.requestId() != null) {
      decidedRequests.add(event.requestId());
    }
    this.lastAfisDecision = event.decidedOn();
    this.afis = AfisRight.granted(event.territory(), event.from(), event.until(), event.children());
  }

  @EventSourcingHandler
  void on(AfisRefused event) {
    if (event.requestId() != null) {
      decidedRequests.add(event.requestId());
    }
  }

  @EventSourcingHandler
  void on(AfisRenewed event) {
    this.afis = afis.renewedUntil(event.until());
  }

  @EventSourcingHandler
  void on(AfisSuspended event) {
    this.lastAfisDecision = event.decidedOn();
    this.afis = afis.suspendedFrom(event.fromMonth());
  }

  @EventSourcingHandler
  void on(AfisResumed event) {
    this.lastAfisDecision = event.decidedOn();
    this.afis = afis.resumedFrom(event.fromMonth());
  }

  @EventSourcingHandler
  void on(AfisReassessed event) {
    this.afis = afis.withHousehold(event.fromMonth(), event.children());
  }

  @EventSourcingHandler
  void on(AfisEnded event) {
    this.lastAfisDecision = event.decidedOn();
    this.afis = afis.endedOn(event.endedOn());
  }

  @EventSourcingHandler
  void on(AfisPaid event) {
    paidByMonth.put(event.month(), event.totalCents());
  }

  @EventSourcingHandler
  void on(AfisOverpaymentRecorded event) {
    for (AfisOverpaymentRecorded.Overpaid month : event.months()) {
      recoveredByMonth.merge(month.month(), month.amountCents(), Long::sum);
    }
  }

  @EventSourcingHandler
  void on(EmploymentRecorded event) {
    if (event.employmentId() != null) {
      employments.put(event.employmentId(), new Activity(event.startDate(), false));
    }
  }

  @EventSourcingHandler
  void on(EmploymentEnded event) {
    employments.computeIfPresent(event.employmentId(), (id, job) -> job.ending());
  }

  @EventSourcingHandler
  void on(TrainingRecorded event) {
    trainings.put(event.trainingId(), new Activity(event.startDate(), false));
  }

  @EventSourcingHandler
  void on(TrainingEnded event) {
    trainings.computeIfPresent(event.trainingId(), (id, training) -> training.ending());
  }

  @EventSourcingHandler
  void on(HousingStepRecorded event) {
    this.lastHousingFrom = event.from();
  }

  /**
   * After an end, a stop or a suspension recorded late: what months already paid owe now, against
   * what they were paid; the difference not yet claimed becomes an amount to recover.
   */
  private void recordOverpayments(RightsPolicy policy, LocalDate recordedOn) {
    List<AfisOverpaymentRecorded.Overpaid> overpaid = new ArrayList<>();
    for (Map.Entry<YearMonth, Long> paid : paidByMonth.entrySet()) {
      AfisMonth owed = policy.due(afis, paid.getKey());
      long owedCents = owed instanceof AfisMonth.Due due ? due.totalCents() : 0;
      long over = paid.getValue() - owedCents - recoveredByMonth.getOrDefault(paid.getKey(), 0L);
      if (over > 0) {
        overpaid.add(new AfisOverpaymentRecorded.Overpaid(paid.getKey(), over));
      }
    }
    if (!overpaid.isEmpty()) {
      apply(new AfisOverpaymentRecorded(dossierId, departmentCode, recordedOn, overpaid));
    }
  }

  private void requirePermitConditions(
      RightsPolicy policy, LocalDate validFrom, boolean ceasedProstitution, String verb) {
    List<PermitRefusalReason> unmet =
        policy.unmetPermitConditions(
            new PermitConditions(
                nationality,
                traffickingVictim,
                procuringVictim,
                ceasedProstitution,
                pathwayAuthorisedOn(validFrom)));
    if (!unmet.isEmpty()) {
      throw new ConflictException(
          "Conditions non remplies pour %s l'autorisation provisoire de séjour : %s. Enregistrez un refus motivé."
              .formatted(verb, Labels.permitConditions(unmet)));
    }
  }

  /** Whether the pathway is authorised and not ended on {@code day}. */
  private boolean pathwayAuthorisedOn(LocalDate day) {
    LocalDate last = pathwayLastDay != null ? pathwayLastDay : pathwayEnd;
    return !day.isBefore(pathwayDecidedOn) && !day.isAfter(last);
  }

  private boolean permitInForceOn(LocalDate day) {
    return permit != null
        && !day.isBefore(permit.validFrom())
        && !day.isAfter(permit.endedOn() != null ? permit.endedOn() : permit.validUntil());
  }

  private void requirePathwayOn(LocalDate day) {
    if (pathwayLastDay != null && day.isAfter(pathwayLastDay)) {
      throw new ConflictException("Le parcours a pris fin le %s.".formatted(pathwayLastDay));
    }
  }

  private void requireRunningAfis() {
    if (afis == null) {
      throw new ConflictException("Aucune AFIS n'est accordée à ce bénéficiaire.");
    }
    if (afis.ended()) {
      throw new ConflictException("L'AFIS a pris fin le %s.".formatted(afis.lastDay()));
    }
  }

  private void requireMonthsLeft(YearMonth fromMonth, String verb) {
    if (afis.lastMonth().map(fromMonth::isAfter).orElse(true)) {
      throw new ConflictException(
          "Le droit prend fin avant %s : rien à %s.".formatted(fromMonth, verb));
    }
  }

  /** Beneficiaries registered before rights were decided have no profile to assess. */
  private void requireProfile() {
    if (nationality == null) {
      throw new ConflictException(
          "Ce bénéficiaire a été enregistré avant que ses droits soient décidés : son profil n'est pas connu.");
    }
  }

  /**
   * Today in the beneficiary's département: a date its agents enter as today is not in the future,
   * and the days the beneficiary's rights record are that département's days, overseas too.
   */
  private LocalDate today(Clock clock) {
    return DepartmentCode.today(departmentCode, clock);
  }

  /** A beneficiary of another département is, for this request, one that does not exist. */
  private void requireDepartment(String requested) {
    if (!departmentCode.equals(requested)) {
      throw new UnknownBeneficiaryException();
    }
  }

  /**
   * The residence permit: its validity, its end when it ended, the day of its last decision ({@code
   * null} when unknown).
   */
  private record Permit(
      LocalDate validFrom, LocalDate validUntil, LocalDate endedOn, LocalDate lastDecidedOn) {

    boolean inForce() {
      return endedOn == null;
    }
  }

  /** A job or a training: when it started, whether it ended. */
  private record Activity(LocalDate start, boolean ended) {

    Activity ending() {
      return new Activity(start, true);
    }
  }
}
