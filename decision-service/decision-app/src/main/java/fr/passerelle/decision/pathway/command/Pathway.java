package fr.passerelle.decision.pathway.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.decision.events.EndReason;
import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.pathway.api.AuthorisePathwayCommand;
import fr.passerelle.decision.pathway.api.AuthorisedTerm;
import fr.passerelle.decision.pathway.api.DossierPlacedOnAgenda;
import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.EndPathwayCommand;
import fr.passerelle.decision.pathway.api.OpinionRecorded;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayEnded;
import fr.passerelle.decision.pathway.api.PathwayRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewalRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewed;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.api.RefuseRenewalCommand;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.decision.pathway.api.RegisterRenewalRequestCommand;
import fr.passerelle.decision.pathway.api.RenewPathwayCommand;
import fr.passerelle.decision.pathway.api.RenewalRequestDeclined;
import fr.passerelle.decision.pathway.api.RenewalRequestDeclined.DeclineReason;
import fr.passerelle.decision.pathway.api.RenewalRequested;
import fr.passerelle.decision.session.api.Member;
import fr.passerelle.decision.session.command.CommissionSessions;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An exit pathway over its whole life, in decision-service, identified by the dossier's id: the
 * first request (submitted dossier, the commission's agenda and opinion, the préfet's decision),
 * then its terms, each renewed on the association's request through the commission and the préfet
 * again, until it ends: at its term, early by the préfet, or at the person's request. One request
 * at a time awaits the commission and the préfet.
 */
@Aggregate
public class Pathway {

  /** Where the pathway stands. */
  private enum Stage {
    FIRST_REQUEST,
    RUNNING,
    REFUSED,
    ENDED
  }

  /** Where its pending request stands, if any. */
  private enum Request {
    NONE,
    AWAITING_SESSION,
    ON_AGENDA,
    AWAITING_DECISION
  }

  @AggregateIdentifier private String dossierId;
  private String departmentCode;
  private DossierProfile profile;
  private Stage stage;

  private Request request = Request.NONE;
  private int requestTerm;
  private LocalDate requestedOn;
  private String sessionId;
  private LocalDate sessionDate;
  private final Set<String> renewalRequests = new HashSet<>();

  private int termNumber;
  private LocalDate termStart;
  private LocalDate termEnd;
  private int totalMonths;
  // The term before the last renewal: a renewal is decided before the running term ends, so until
  // the renewed term begins, the term in force is this one.
  private LocalDate previousTermStart;
  private int previousTotalMonths;
  private LocalDate lastDay;

  protected Pathway() {
    // rebuilt from its events by Axon, or created by the first registration
  }

  /** Registers a submitted dossier once: a redelivered submission changes nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RegisterDossierCommand command) {
    if (dossierId != null) {
      return;
    }
    apply(
        new DossierRegistered(
            command.dossierId(),
            command.departmentCode(),
            command.submittedAt(),
            command.profile(),
            command.submittedOn()));
  }

  /**
   * Registers the association's renewal request once. It comes from the bus, where nobody can be
   * answered: a request that cannot be studied is recorded as declined, with its reason, and goes
   * on no agenda.
   */
  @CommandHandler
  public void handle(RegisterRenewalRequestCommand command, AuthorisationTerm term) {
    requireIn(command.departmentCode());
    if (renewalRequests.contains(command.requestId())) {
      return;
    }
    DeclineReason declined =
        switch (stage) {
          case FIRST_REQUEST, REFUSED -> DeclineReason.PATHWAY_NOT_RUNNING;
          case ENDED -> DeclineReason.PATHWAY_ENDED;
          case RUNNING -> {
            if (request != Request.NONE) {
              yield DeclineReason.RENEWAL_ALREADY_PENDING;
            }
            yield term.isExhausted(totalMonths) ? DeclineReason.MAXIMUM_DURATION_REACHED : null;
          }
        };
    if (declined != null) {
      apply(
          new RenewalRequestDeclined(
              dossierId, departmentCode, command.requestId(), command.requestedOn(), declined));
      return;
    }
    apply(
        new RenewalRequested(
            dossierId, departmentCode, command.requestId(), termNumber + 1, command.requestedOn()));
  }

  /**
   * Puts the pending request on the agenda of a session of its département, or moves it there from
   * the agenda of another session. The session sits after the request was made.
   */
  @CommandHandler
  public void handle(PlaceOnAgendaCommand command, CommissionSessions sessions) {
    requireIn(command.departmentCode());
    CommissionSessions.Sitting session = requireSession(sessions, command.sessionId());
    requireNotEnded();
    if (stage == Stage.REFUSED) {
      throw new AlreadyDecidedException();
    }
    switch (request) {
      case NONE -> throw new NoRequestPendingException();
      case AWAITING_DECISION -> throw new OpinionAlreadyGivenException();
      case AWAITING_SESSION, ON_AGENDA -> {
        if (session.firstConvocationId() != null
            && !(request == Request.ON_AGENDA && session.firstConvocationId().equals(sessionId))) {
          throw new NotOnFirstConvocationAgendaException();
        }
        if (!session.sessionId().equals(sessionId)) {
          DomainDates.notBefore(
              "sessionId",
              session.date(),
              requestedOn,
              requestTerm == 1
                  ? "séance antérieure au dépôt du dossier"
                  : "séance antérieure à la demande de renouvellement");
          apply(
              new DossierPlacedOnAgenda(
                  dossierId, departmentCode, session.sessionId(), session.date(), requestTerm));
        }
      }
    }
  }

  /**
   * Records the commission's opinion on the request of its session's agenda, in a session that may
   * deliberate. Every member who takes part is counted once, for, against or abstaining: the
   * members present and represented, but those with a personal interest (the members of the
   * association that accompanies the person, and those who declare one) and the mandates they hold.
   * A favourable or unfavourable opinion is the one the majority voted, the chair's vote breaking a
   * tie; an adjourned request awaits another session, whatever the votes.
   */
  @CommandHandler
  public void handle(RecordOpinionCommand command, CommissionSessions sessions) {
    requireIn(command.departmentCode());
    CommissionSessions.Sitting session = requireSession(sessions, command.sessionId());
    requireNotEnded();
    if (request != Request.ON_AGENDA || !command.sessionId().equals(sessionId)) {
      throw new NotOnAgendaException();
    }
    if (!session.mayDeliberate()) {
      throw new SessionLackedQuorumException(session.date());
    }
    List<String> recused = recused(session, command);
    boolean chairVotes = !recused.contains(session.chairMemberId());
    Opinion voted =
        voted(command.votesFor(), command.votesAgainst(), command.chairVotedFor(), chairVotes);
    if (command.opinion() != Opinion.ADJOURNED && command.opinion() != voted) {
      throw voted == null
          ? InvalidRequestException.of(
              "opinion",
              "aucune majorité : partage des voix sans voix du président pour le départager ;"
                  + " seul un ajournement est possible")
          : new OpinionContradictsVoteException(voted);
    }
    apply(
        new OpinionRecorded(
            dossierId,
            departmentCode,
            sessionId,
            sessionDate,
            command.opinion(),
            command.votesFor(),
            command.votesAgainst(),
            command.abstentions(),
            command.chairVotedFor(),
            requestTerm,
            session.membersNamed() ? recused : null));
  }

  /**
   * The members who take no part in this vote, checked against the session: the members declared,
   * and the association's. The votes count every other member present or represented, once.
   */
  private List<String> recused(CommissionSessions.Sitting session, RecordOpinionCommand command) {
    int cast = command.votesFor() + command.votesAgainst() + command.abstentions();
    if (!session.membersNamed()) {
      if (!command.recusedMemberIds().isEmpty()) {
        throw InvalidRequestException.of(
            "recusedMemberIds", "séance enregistrée sans ses membres nommés");
      }
      if (cast > session.attending()) {
        throw InvalidRequestException.of(
            "votesFor",
            "%d votes pour %d membres présents ou représentés"
                .formatted(cast, session.attending()));
      }
      return List.of();
    }
    Set<String> members = new HashSet<>();
    Set<String> recused = new TreeSet<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> attending = new HashSet<>(session.present());
    session.mandates().forEach(mandate -> attending.add(mandate.fromMemberId()));
    for (Member member : session.members()) {
      members.add(member.memberId());
      if (member.associationId() != null
          && member.associationId().equals(profile.associationId())
          && attending.contains(member.memberId())) {
        recused.add(member.memberId());
      }
    }
    for (String memberId : command.recusedMemberIds()) {
      if (!members.contains(memberId)) {
        errors.add(
            FieldError.of("recusedMemberIds", "membre inconnu de la commission : " + memberId));
      }
      recused.add(memberId);
    }
    int voters = session.votersWithout(recused).size();
    if (errors.isEmpty() && cast != voters) {
      errors.add(
          FieldError.of(
              "votesFor",
              ("%d voix et abstentions pour %d membres qui prennent part au vote (présents ou"
                      + " représentés, sauf %d qui se retirent pour un intérêt personnel)")
                  .formatted(cast, voters, recused.size())));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return List.copyOf(recused);
  }

  /**
   * Authorises the pathway for its first term from its start date. The commission's opinion is
   * advisory: the préfet may authorise after an unfavourable one, but not without one.
   */
  @CommandHandler
  public AuthorisedTerm handle(
      AuthorisePathwayCommand command,
      AuthorisationTerm term,
      TermEnd termEnd,
      Clock clock,
      DeadlineManager deadlines) {
    requireIn(command.departmentCode());
    requireFirstRequestAwaitingDecision();
    requireDecisionDate(command.decidedOn(), clock);
    int months = term.lengthOf(command.months());
    term.requireWithinMaximum(0, months);
    if (profile.ageBand() == null) {
      throw new AgeBandUnknownException();
    }
    LocalDate endDate = term.lastDay(command.startDate(), months);
    apply(
        new PathwayAuthorised(
            dossierId,
            departmentCode,
            command.decisionId(),
            profile,
            command.decidedOn(),
            command.startDate(),
            endDate));
    scheduleEnd(deadlines, termEnd.dueAt(endDate, departmentCode, clock));
    return new AuthorisedTerm(1, command.startDate(), endDate, months);
  }

  /** Refuses the pathway's first request, after the commission's opinion. */
  @CommandHandler
  public void handle(RefusePathwayCommand command, Clock clock) {
    requireIn(command.departmentCode());
    requireFirstRequestAwaitingDecision();
    requireDecisionDate(command.decidedOn(), clock);
    apply(
        new PathwayRefused(
            dossierId,
            departmentCode,
            command.decisionId(),
            profile,
            command.reason(),
            command.decidedOn()));
  }

  /**
   * Renews the running pathway after the commission's opinion on its renewal request: the new term
   * follows the current one without a gap, and all terms stay within the maximum.
   */
  @CommandHandler
  public AuthorisedTerm handle(
      RenewPathwayCommand command,
      AuthorisationTerm term,
      TermEnd termEnd,
      Clock clock,
      DeadlineManager deadlines) {
    requireIn(command.departmentCode());
    requireRunning();
    int months = term.lengthOf(command.months());
    term.requireWithinMaximum(totalMonths, months);
    requireRenewalAwaitingDecision();
    requireDecisionDate(command.decidedOn(), clock);
    LocalDate start = termEnd().plusDays(1);
    LocalDate end = term.lastDay(start, months);
    apply(
        new PathwayRenewed(
            dossierId,
            departmentCode,
            command.decisionId(),
            termNumber + 1,
            command.decidedOn(),
            start,
            end,
            months,
            totalMonths + months));
    scheduleEnd(deadlines, termEnd.dueAt(end, departmentCode, clock));
    return new AuthorisedTerm(termNumber, start, end, totalMonths);
  }

  /** Refuses the renewal, after the commission's opinion: the current term is the last. */
  @CommandHandler
  public void handle(
      RefuseRenewalCommand command, TermEnd termEnd, Clock clock, DeadlineManager deadlines) {
    requireIn(command.departmentCode());
    requireRunning();
    requireRenewalAwaitingDecision();
    requireDecisionDate(command.decidedOn(), clock);
    apply(
        new PathwayRenewalRefused(
            dossierId,
            departmentCode,
            command.decisionId(),
            requestTerm,
            command.reason(),
            command.decidedOn(),
            termEnd()));
    scheduleEnd(deadlines, termEnd.dueOnceRefusedAt(termEnd(), departmentCode, clock));
  }

  /**
   * Ends the running pathway before its term, on the préfet's decision or the person's request, on
   * a last day within its current term (the day of the decision unless said otherwise). A pending
   * renewal request falls with it.
   */
  @CommandHandler
  public void handle(EndPathwayCommand command, Clock clock) {
    requireIn(command.departmentCode());
    requireRunning();
    if (command.reason() == EndReason.TERM_REACHED) {
      throw InvalidRequestException.of(
          "reason", "la fin au terme n'est pas décidée : elle suit le terme sans renouvellement");
    }
    DomainDates.notInFuture("decidedOn", command.decidedOn(), departmentCode, clock);
    boolean beforeRenewedTerm =
        previousTermStart != null && command.decidedOn().isBefore(termStart);
    LocalDate inForceSince = beforeRenewedTerm ? previousTermStart : termStart;
    DomainDates.notBefore(
        "decidedOn", command.decidedOn(), inForceSince, "antérieure au début du terme en cours");
    LocalDate last = command.lastDay() == null ? command.decidedOn() : command.lastDay();
    DomainDates.notBefore("lastDay", last, inForceSince, "antérieure au début du terme en cours");
    if (last.isAfter(termEnd())) {
      throw InvalidRequestException.of(
          "lastDay", "après le terme en cours, qui finit le " + DomainDates.french(termEnd()));
    }
    // Ended before the renewed term began: that term never ran, so the pathway ends in the one
    // before it, with the months that one covered.
    boolean renewedTermNeverRan = beforeRenewedTerm && last.isBefore(termStart);
    apply(
        new PathwayEnded(
            dossierId,
            departmentCode,
            command.decisionId(),
            command.reason(),
            last,
            command.decidedOn(),
            renewedTermNeverRan ? termNumber - 1 : termNumber,
            renewedTermNeverRan ? previousTotalMonths : totalMonths));
  }

  /**
   * The term's deadline: the pathway ends at the term's last day, unless it was renewed, ended
   * already, or a renewal request awaits its decision (whose refusal sets the deadline again).
   */
  @DeadlineHandler(deadlineName = TermEndDue.NAME)
  void on(TermEndDue due) {
    if (stage != Stage.RUNNING || due.termNumber() != termNumber || request != Request.NONE) {
      return;
    }
    apply(
        new PathwayEnded(
            dossierId,
            departmentCode,
            null,
            EndReason.TERM_REACHED,
            termEnd(),
            null,
            termNumber,
            totalMonths));
  }

  private void scheduleEnd(DeadlineManager deadlines, Instant dueAt) {
    deadlines.schedule(dueAt, TermEndDue.NAME, new TermEndDue(dossierId, termNumber));
  }

  private LocalDate termEnd() {
    return termEnd;
  }

  private void requireIn(String department) {
    if (dossierId == null || !department.equals(departmentCode)) {
      throw new DossierNotFoundException();
    }
  }

  private void requireNotEnded() {
    if (stage == Stage.ENDED) {
      throw new PathwayEndedException(lastDay);
    }
  }

  private void requireRunning() {
    requireNotEnded();
    if (stage != Stage.RUNNING) {
      throw new PathwayNotRunningException();
    }
  }

  private CommissionSessions.Sitting requireSession(CommissionSessions sessions, String id) {
    return sessions
        .find(id)
        .filter(session -> departmentCode.equals(session.departmentCode()))
        .orElseThrow(SessionNotFoundException::new);
  }

  private void requireFirstRequestAwaitingDecision() {
    requireNotEnded();
    switch (stage) {
      case REFUSED -> throw new AlreadyDecidedException();
      case RUNNING -> {
        if (request == Request.NONE) {
          throw new AlreadyDecidedException();
        }
        throw new RenewalRequestPendingException();
      }
      default -> requireOpinion();
    }
  }

  private void requireRenewalAwaitingDecision() {
    if (request == Request.NONE) {
      throw new NoRequestPendingException();
    }
    requireOpinion();
  }

  private void requireOpinion() {
    if (request != Request.AWAITING_DECISION) {
      throw new OpinionRequiredException();
    }
  }

  /**
   * A decision is dated today in the pathway's département at the latest, and not before the
   * session that gave the opinion.
   */
  private void requireDecisionDate(LocalDate decidedOn, Clock clock) {
    DomainDates.notInFuture("decidedOn", decidedOn, departmentCode, clock);
    DomainDates.notBefore(
        "decidedOn", decidedOn, sessionDate, "antérieure à la séance qui a rendu l'avis");
  }

  /**
   * The opinion the members voted: the majority, or the chair's vote in a tie; none in a tie the
   * chair cannot break (no vote cast, or the chair takes no part).
   */
  private static Opinion voted(
      int votesFor, int votesAgainst, boolean chairVotedFor, boolean chairVotes) {
    if (votesFor == votesAgainst && (votesFor == 0 || !chairVotes)) {
      return null;
    }
    boolean favourable = votesFor == votesAgainst ? chairVotedFor : votesFor > votesAgainst;
    return favourable ? Opinion.FAVOURABLE : Opinion.UNFAVOURABLE;
  }

  @EventSourcingHandler
  void on(DossierRegistered event) {
    this.dossierId = event.dossierId();
    this.departmentCode = event.departmentCode();
    this.profile = event.profile();
    this.stage = Stage.FIRST_REQUEST;
    this.request = Request.AWAITING_SESSION;
    this.requestTerm = 1;
    this.requestedOn = event.submissionDate();
  }

  @EventSourcingHandler
  void on(RenewalRequested event) {
    renewalRequests.add(event.requestId());
    this.request = Request.AWAITING_SESSION;
    this.requestTerm = event.termNumber();
    this.requestedOn = event.requestedOn();
    this.sessionId = null;
    this.sessionDate = null;
  }

  @EventSourcingHandler
  void on(RenewalRequestDeclined event) {
    renewalRequests.add(event.requestId());
  }

  @EventSourcingHandler
  void on(DossierPlacedOnAgenda event) {
    this.request = Request.ON_AGENDA;
    this.sessionId = event.sessionId();
    this.sessionDate = event.sessionDate();
  }

  @EventSourcingHandler
  void on(OpinionRecorded event) {
    if (event.opinion() == Opinion.ADJOURNED) {
      this.request = Request.AWAITING_SESSION;
      this.sessionId = null;
      this.sessionDate = null;
    } else {
      this.request = Request.AWAITING_DECISION;
    }
  }

  @EventSourcingHandler
  void on(PathwayAuthorised event) {
    this.stage = Stage.RUNNING;
    this.request = Request.NONE;
    this.termNumber = 1;
    this.termStart = event.startDate();
    this.termEnd = event.endDate();
    this.totalMonths = monthsOf(event.startDate(), event.endDate());
  }

  @EventSourcingHandler
  void on(PathwayRefused event) {
    this.stage = Stage.REFUSED;
    this.request = Request.NONE;
  }

  @EventSourcingHandler
  void on(PathwayRenewed event) {
    this.request = Request.NONE;
    this.previousTermStart = this.termStart;
    this.previousTotalMonths = this.totalMonths;
    this.termNumber = event.termNumber();
    this.termStart = event.startDate();
    this.termEnd = event.endDate();
    this.totalMonths = event.totalMonths();
  }

  @EventSourcingHandler
  void on(PathwayRenewalRefused event) {
    this.request = Request.NONE;
  }

  @EventSourcingHandler
  void on(PathwayEnded event) {
    this.stage = Stage.ENDED;
    this.request = Request.NONE;
    this.lastDay = event.lastDay();
  }

  /** The whole months from a first day to a last day: 1 May to 31 October is 6. */
  private static int monthsOf(LocalDate first, LocalDate last) {
    return (int) Period.between(first, last.plusDays(1)).toTotalMonths();
  }
}
