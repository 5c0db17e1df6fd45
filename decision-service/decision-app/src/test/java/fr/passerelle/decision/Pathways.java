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
import fr.passerelle.decision.pathway.api.PlaceOnAgendaCommand;
import fr.passerelle.decision.pathway.api.RecordOpinionCommand;
import fr.passerelle.decision.pathway.api.RefusePathwayCommand;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.dossier.events.AgeBand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Test data: pathways of Haute-Garonne as the tests need them, in the year of the seed article (the
 * commission sat on 11 April 2019, the préfet decided on 18 April, pathways started on 1 May).
 */
public final class Pathways {

  public static final String HAUTE_GARONNE = "31";
  public static final String PARIS = "75";
  public static final Instant SUBMITTED_AT = Instant.parse("2019-03-14T09:30:00Z");
  public static final LocalDate DECIDED_ON = LocalDate.parse("2019-04-18");
  public static final LocalDate START_DATE = LocalDate.parse("2019-05-01");
  public static final String ASSOCIATION = "a1f2e3d4-5c6b-4a79-8e01-23456789abcd";

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
        ASSOCIATION);
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
        profile.associationId());
  }

  public static RegisterDossierCommand aRegistration(String dossierId) {
    return new RegisterDossierCommand(dossierId, HAUTE_GARONNE, SUBMITTED_AT, aProfile());
  }

  public static DossierRegistered registered(String dossierId) {
    return registered(dossierId, aProfile());
  }

  public static DossierRegistered registered(String dossierId, DossierProfile profile) {
    return new DossierRegistered(dossierId, HAUTE_GARONNE, SUBMITTED_AT, profile);
  }

  public static PlaceOnAgendaCommand placing(String dossierId, String sessionId) {
    return new PlaceOnAgendaCommand(dossierId, HAUTE_GARONNE, sessionId);
  }

  public static DossierPlacedOnAgenda placedOnAgenda(String dossierId, String sessionId) {
    return new DossierPlacedOnAgenda(
        dossierId, HAUTE_GARONNE, sessionId, Sessions.sittingOf(sessionId).date());
  }

  /** An opinion voted 12 for, 2 against, 1 abstention, the chair voting for. */
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
        dossierId, HAUTE_GARONNE, sessionId, opinion, votesFor, votesAgainst, 1, chairVotedFor);
  }

  /** What the commission recorded for {@link #aVote}. */
  public static OpinionRecorded recorded(RecordOpinionCommand vote) {
    return new OpinionRecorded(
        vote.dossierId(),
        vote.departmentCode(),
        vote.sessionId(),
        Sessions.sittingOf(vote.sessionId()).date(),
        vote.opinion(),
        vote.votesFor(),
        vote.votesAgainst(),
        vote.abstentions(),
        vote.chairVotedFor());
  }

  public static OpinionRecorded opinionRecorded(String dossierId, String sessionId, Opinion o) {
    return recorded(anOpinion(dossierId, sessionId, o));
  }

  public static AuthorisePathwayCommand anAuthorisation(String dossierId) {
    return new AuthorisePathwayCommand(
        dossierId, HAUTE_GARONNE, DECIDED_ON, START_DATE, "Engagements signés, hébergement trouvé");
  }

  public static PathwayAuthorised authorised(String dossierId, LocalDate endDate) {
    return new PathwayAuthorised(
        dossierId,
        HAUTE_GARONNE,
        aProfile(),
        DECIDED_ON,
        START_DATE,
        endDate,
        "Engagements signés, hébergement trouvé");
  }

  public static RefusePathwayCommand aRefusal(String dossierId) {
    return new RefusePathwayCommand(
        dossierId,
        HAUTE_GARONNE,
        DECIDED_ON,
        RefusalReason.UNFAVOURABLE_OPINION,
        "Projet d'insertion à préciser");
  }

  public static PathwayRefused refused(String dossierId) {
    return new PathwayRefused(
        dossierId,
        HAUTE_GARONNE,
        aProfile(),
        RefusalReason.UNFAVOURABLE_OPINION,
        DECIDED_ON,
        "Projet d'insertion à préciser");
  }
}
