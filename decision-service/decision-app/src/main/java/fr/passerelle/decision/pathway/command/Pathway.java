package fr.passerelle.decision.pathway.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.pathway.api.AuthorisePathwayCommand;
import fr.passerelle.decision.pathway.api.DossierPlacedOnAgenda;
import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.OpinionRecorded;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayRefused;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A request for an exit pathway, in decision-service: from the submitted dossier, through the
 * commission's agenda and opinion, to the préfet's decision. Identified by the dossier's id.
 */
@Aggregate
public class Pathway {

  private enum Status {
    AWAITING_SESSION,
    ON_AGENDA,
    AWAITING_DECISION,
    AUTHORISED,
    REFUSED
  }

  @AggregateIdentifier private String dossierId;
  private String departmentCode;
  private DossierProfile profile;
  private Status status;
  private String sessionId;
  private LocalDate sessionDate;

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
            command.profile()));
  }

  /**
   * Puts the dossier on the agenda of a session of its département, or moves it there from the
   * agenda of another session; a dossier with an opinion or a decision stays where it is.
   */
  @CommandHandler
  public void handle(PlaceOnAgendaCommand command, CommissionSessions sessions) {
    requireIn(command.departmentCode());
    CommissionSessions.Sitting session = requireSession(sessions, command.sessionId());
    switch (status) {
      case AWAITING_SESSION -> placeOn(session);
      case ON_AGENDA -> {
        if (!session.sessionId().equals(sessionId)) {
          placeOn(session);
        }
      }
      case AWAITING_DECISION -> throw new OpinionAlreadyGivenException();
      case AUTHORISED, REFUSED -> throw new AlreadyDecidedException();
    }
  }

  /**
   * Records the commission's opinion on the dossier of its session's agenda. A favourable or
   * unfavourable opinion is the one the majority voted, the chair's vote breaking a tie; an
   * adjourned dossier awaits another session, whatever the votes.
   */
  @CommandHandler
  public void handle(RecordOpinionCommand command, CommissionSessions sessions) {
    requireIn(command.departmentCode());
    requireSession(sessions, command.sessionId());
    if (status != Status.ON_AGENDA || !command.sessionId().equals(sessionId)) {
      throw new NotOnAgendaException();
    }
    Opinion voted = voted(command.votesFor(), command.votesAgainst(), command.chairVotedFor());
    if (command.opinion() != Opinion.ADJOURNED && command.opinion() != voted) {
      throw new OpinionContradictsVoteException(voted);
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
            command.chairVotedFor()));
  }

  /**
   * Authorises the pathway for one term from its start date. The commission's opinion is advisory:
   * the préfet may authorise after an unfavourable one, but not without one.
   *
   * @return the last day of the authorisation
   */
  @CommandHandler
  public LocalDate handle(AuthorisePathwayCommand command, AuthorisationTerm term) {
    requireIn(command.departmentCode());
    requireAwaitingDecision();
    if (profile.ageBand() == null) {
      throw new AgeBandUnknownException();
    }
    LocalDate endDate = term.lastDay(command.startDate());
    apply(
        new PathwayAuthorised(
            dossierId,
            departmentCode,
            profile,
            command.decidedOn(),
            command.startDate(),
            endDate,
            command.motivation()));
    return endDate;
  }

  /** Refuses the pathway, after the commission's opinion. */
  @CommandHandler
  public void handle(RefusePathwayCommand command) {
    requireIn(command.departmentCode());
    requireAwaitingDecision();
    apply(
        new PathwayRefused(
            dossierId,
            departmentCode,
            profile,
            command.reason(),
            command.decidedOn(),
            command.motivation()));
  }

  private void requireIn(String department) {
    if (dossierId == null || !department.equals(departmentCode)) {
      throw new DossierNotFoundException();
    }
  }

  private CommissionSessions.Sitting requireSession(CommissionSessions sessions, String id) {
    return sessions
        .find(id)
        .filter(session -> departmentCode.equals(session.departmentCode()))
        .orElseThrow(SessionNotFoundException::new);
  }

  private void requireAwaitingDecision() {
    switch (status) {
      case AWAITING_SESSION, ON_AGENDA -> throw new OpinionRequiredException();
      case AUTHORISED, REFUSED -> throw new AlreadyDecidedException();
      case AWAITING_DECISION -> {
        // the commission gave its opinion: the préfet decides
      }
    }
  }

  private void placeOn(CommissionSessions.Sitting session) {
    apply(
        new DossierPlacedOnAgenda(dossierId, departmentCode, session.sessionId(), session.date()));
  }

  /** The opinion the members voted: the majority, or the chair's vote in a tie. */
  private static Opinion voted(int votesFor, int votesAgainst, boolean chairVotedFor) {
    boolean favourable = votesFor == votesAgainst ? chairVotedFor : votesFor > votesAgainst;
    return favourable ? Opinion.FAVOURABLE : Opinion.UNFAVOURABLE;
  }

  @EventSourcingHandler
  void on(DossierRegistered event) {
    this.dossierId = event.dossierId();
    this.departmentCode = event.departmentCode();
    this.profile = event.profile();
    this.status = Status.AWAITING_SESSION;
  }

  @EventSourcingHandler
  void on(DossierPlacedOnAgenda event) {
    this.status = Status.ON_AGENDA;
    this.sessionId = event.sessionId();
    this.sessionDate = event.sessionDate();
  }

  @EventSourcingHandler
  void on(OpinionRecorded event) {
    if (event.opinion() == Opinion.ADJOURNED) {
      this.status = Status.AWAITING_SESSION;
      this.sessionId = null;
      this.sessionDate = null;
    } else {
      this.status = Status.AWAITING_DECISION;
    }
  }

  @EventSourcingHandler
  void on(PathwayAuthorised event) {
    this.status = Status.AUTHORISED;
  }

  @EventSourcingHandler
  void on(PathwayRefused event) {
    this.status = Status.REFUSED;
  }
}
