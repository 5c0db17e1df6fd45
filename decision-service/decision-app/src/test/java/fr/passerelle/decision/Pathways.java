package fr.passerelle.decision;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.events.RefusalReason;
import fr.passerelle.decision.pathway.api.AuthorisePathwayCommand;
import fr.passerelle.decision.pathway.api.DossierPlacedOnAgenda;
import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.DossierRegistered;
import fr.passerelle.decision.pathway.api.OpinionRecorded;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayRefused;
import fr.passerelle.decision.pathway.api.PathwayRenewed;
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.decision.pathway.api.RegisterRenewalRequestCommand;
import fr.passerelle.decision.pathway.api.RenewPathwayCommand;
import fr.passerelle.decision.pathway.api.RenewalRequested;
import fr.passerelle.dossier.events.AgeBand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data: pathways of Haute-Garonne as the tests need them, in the year of the seed article (the
 * commission sat on 11 April 2019, the préfet decided on 18 April, pathways started on 1 May).
 */
public final class Pathways {

  public static final String HAUTE_GARONNE = "31";
  public static final String PARIS = "75";
  public static final String MARTINIQUE = "972";
  public static final String LA_REUNION = "974";
  public static final Instant SUBMITTED_AT = Instant.parse("2019-03-14T09:30:00Z");
  public static final LocalDate SUBMITTED_ON = LocalDate.parse("2019-03-14");
  public static final LocalDate DECIDED_ON = LocalDate.parse("2019-04-18");
  public static final LocalDate START_DATE = LocalDate.parse("2019-05-01");
  public static final String ASSOCIATION = "a1f2e3d4-5c6b-4a79-8e01-23456789abcd";
  public static final String DECISION = "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f";

  private Pathways() {}

  public static String anyDossierId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A Nigerian trafficking victim aged 25 to 34, with one child and 120 € of resources, accompanied
   * by {@link #ASSOCIATION}.
   */
  public static DossierProfile aProfile() {
    return new DossierProfile(
        "9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13",
        "NG",
        AgeBand.FROM_25_TO_34,
        1,
        true,
        120,
        false,
        false,
        ASSOCIATION,
        false);
  }

  /** The same person, submitted before dossier-service published age bands. */
  public static DossierProfile aProfileWithoutAgeBand() {
    var profile = aProfile();
    return new DossierProfile(
        profile.personId(),
        profile.nationality(),
        null,
        profile.children(),
        profile.traffickingVictim(),
        profile.monthlyResources(),
        profile.receivesRsa(),
        profile.receivesAda(),
        profile.associationId(),
        profile.procuringVictim());
  }

  public static RegisterDossierCommand aRegistration(String dossierId) {
    return new RegisterDossierCommand(
        dossierId, HAUTE_GARONNE, SUBMITTED_AT, aProfile(), SUBMITTED_ON);
  }

  public static DossierRegistered registered(String dossierId) {
    return registered(dossierId, aProfile());
  }

  public static DossierRegistered registered(String dossierId, DossierProfile profile) {
    return new DossierRegistered(dossierId, HAUTE_GARONNE, SUBMITTED_AT, profile, SUBMITTED_ON);
  }

  public static PlaceOnAgendaCommand placing(String dossierId, String sessionId) {
    return new PlaceOnAgendaCommand(dossierId, HAUTE_GARONNE, sessionId);
  }

  public static DossierPlacedOnAgenda placedOnAgenda(String dossierId, String sessionId) {
    return placedOnAgenda(dossierId, sessionId, 1);
  }

  public static DossierPlacedOnAgenda placedOnAgenda(
      String dossierId, String sessionId, int termNumber) {
    return new DossierPlacedOnAgenda(
        dossierId, HAUTE_GARONNE, sessionId, Sessions.sittingOf(sessionId).date(), termNumber);
  }

  /** An opinion voted 12 for, 2 against, 2 abstentions, the chair voting for. */
  public static RecordOpinionCommand anOpinion(
      String dossierId, String sessionId, Opinion opinion) {
    return aVote(dossierId, sessionId, opinion, 12, 2, true);
  }

  public static RecordOpinionCommand aVote(
      String dossierId,
      String sessionId,
      Opinion opinion,
      int votesFor,
      int votesAgainst,
      boolean chairVotedFor) {
    return new RecordOpinionCommand(
        dossierId,
        HAUTE_GARONNE,
        sessionId,
        opinion,
        votesFor,
        votesAgainst,
        Sessions.VOTERS - votesFor - votesAgainst,
        chairVotedFor,
        List.of());
  }

  /** What the commission recorded for {@link #aVote} on a first request. */
  public static OpinionRecorded recorded(RecordOpinionCommand vote) {
    return recorded(vote, 1);
  }

  /** What the commission recorded for {@link #aVote} on the request for term {@code term}. */
  public static OpinionRecorded recorded(RecordOpinionCommand vote, int term) {
    return new OpinionRecorded(
        vote.dossierId(),
        vote.departmentCode(),
        vote.sessionId(),
        Sessions.sittingOf(vote.sessionId()).date(),
        vote.opinion(),
        vote.votesFor(),
        vote.votesAgainst(),
        vote.abstentions(),
        vote.chairVotedFor(),
        term,
        vote.recusedMemberIds());
  }

  public static OpinionRecorded opinionRecorded(String dossierId, String sessionId, Opinion o) {
    return recorded(anOpinion(dossierId, sessionId, o));
  }

  /**
   * The events of a dossier of {@code department} whose first request got a favourable opinion in a
   * session of its commission on {@code sessionDate}, and awaits the préfet's decision.
   */
  public static List<Object> awaitingDecisionIn(
      String dossierId, String department, LocalDate sessionDate) {
    String sessionId = "session-" + department + "-" + sessionDate;
    return List.of(
        new DossierRegistered(dossierId, department, SUBMITTED_AT, aProfile(), SUBMITTED_ON),
        new DossierPlacedOnAgenda(dossierId, department, sessionId, sessionDate, 1),
        new OpinionRecorded(
            dossierId,
            department,
            sessionId,
            sessionDate,
            Opinion.FAVOURABLE,
            12,
            2,
            2,
            true,
            1,
            List.of()));
  }

  /** The préfet of {@code department} authorises the pathway, decided and starting on a day. */
  public static AuthorisePathwayCommand anAuthorisation(
      String dossierId, String department, LocalDate decidedOn) {
    return new AuthorisePathwayCommand(
        dossierId, department, DECISION, decidedOn, decidedOn, null, "Engagements signés");
  }

  public static AuthorisePathwayCommand anAuthorisation(String dossierId) {
    return new AuthorisePathwayCommand(
        dossierId, HAUTE_GARONNE, DECISION, DECIDED_ON, START_DATE, null, "Engagements signés");
  }

  public static PathwayAuthorised authorised(String dossierId, LocalDate endDate) {
    return new PathwayAuthorised(
        dossierId, HAUTE_GARONNE, DECISION, aProfile(), DECIDED_ON, START_DATE, endDate);
  }

  public static RefusePathwayCommand aRefusal(String dossierId) {
    return new RefusePathwayCommand(
        dossierId,
        HAUTE_GARONNE,
        DECISION,
        DECIDED_ON,
        RefusalReason.UNFAVOURABLE_OPINION,
        "Projet d'insertion à préciser");
  }

  public static PathwayRefused refused(String dossierId) {
    return new PathwayRefused(
        dossierId,
        HAUTE_GARONNE,
        DECISION,
        aProfile(),
        RefusalReason.UNFAVOURABLE_OPINION,
        DECIDED_ON);
  }

  /**
   * The events of a pathway authorised from 1 May 2019 and renewed {@code renewals} times, each
   * term of six months asked for by its association, studied at a session and renewed the day
   * after: its terms total {@code 6 × (renewals + 1)} months.
   */
  public static List<Object> runningWithRenewals(String dossierId, int renewals) {
    List<Object> events = new ArrayList<>();
    events.add(registered(dossierId));
    events.add(placedOnAgenda(dossierId, Sessions.APRIL_SESSION));
    events.add(opinionRecorded(dossierId, Sessions.APRIL_SESSION, Opinion.FAVOURABLE));
    events.add(authorised(dossierId, LocalDate.parse("2019-10-31")));
    for (int term = 2; term <= renewals + 1; term++) {
      events.addAll(renewalStudied(dossierId, term));
      events.add(renewed(dossierId, term));
    }
    return events;
  }

  /** The last day of term {@code term} of a pathway started on 1 May 2019. */
  public static LocalDate lastDayOfTerm(int term) {
    return START_DATE.plusMonths(6L * term).minusDays(1);
  }

  /** A renewal request for term {@code term}, made a month before the current term ends. */
  public static RenewalRequested renewalRequested(String dossierId, int term) {
    return new RenewalRequested(
        dossierId, HAUTE_GARONNE, "request-" + term, term, lastDayOfTerm(term - 1).minusMonths(1));
  }

  public static RegisterRenewalRequestCommand aRenewalRequest(String dossierId, int term) {
    var requested = renewalRequested(dossierId, term);
    return new RegisterRenewalRequestCommand(
        dossierId, HAUTE_GARONNE, requested.requestId(), ASSOCIATION, requested.requestedOn());
  }

  /** A session two weeks before the end of term {@code term - 1}, studying the renewal. */
  public static String renewalSession(int term) {
    return Sessions.renewalSession(lastDayOfTerm(term - 1).minusWeeks(2));
  }

  /** A renewal for term {@code term}, requested, put on a session's agenda, with an opinion. */
  public static List<Object> renewalStudied(String dossierId, int term) {
    String session = renewalSession(term);
    return List.of(
        renewalRequested(dossierId, term),
        placedOnAgenda(dossierId, session, term),
        recorded(anOpinion(dossierId, session, Opinion.FAVOURABLE), term));
  }

  /** The préfet renews term {@code term}, the day after the session. */
  public static RenewPathwayCommand aRenewal(String dossierId, int term) {
    return new RenewPathwayCommand(
        dossierId, HAUTE_GARONNE, DECISION, renewalDecidedOn(term), null, null);
  }

  public static LocalDate renewalDecidedOn(int term) {
    return Sessions.sittingOf(renewalSession(term)).date().plusDays(1);
  }

  public static PathwayRenewed renewed(String dossierId, int term) {
    return new PathwayRenewed(
        dossierId,
        HAUTE_GARONNE,
        DECISION,
        term,
        renewalDecidedOn(term),
        lastDayOfTerm(term - 1).plusDays(1),
        lastDayOfTerm(term),
        6,
        6 * term);
  }
}
