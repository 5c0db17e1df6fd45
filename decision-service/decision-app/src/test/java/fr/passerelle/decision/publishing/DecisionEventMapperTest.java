package fr.passerelle.decision.publishing;

import static fr.passerelle.decision.Pathways.aProfile;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.Pathways;
import fr.passerelle.decision.Sessions;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayRenewalRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.decision.events.RefusalReason;
import fr.passerelle.decision.events.RenewalRefusalReason;
import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.eventbus.IntegrationEvent;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The published events are their golden samples: same fields, no vote, no motivation. */
class DecisionEventMapperTest {

  private static final String DOSSIER = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";

  private final DecisionEventMapper mapper = new DecisionEventMapper();

  @Test
  void anOpinionIsPublishedWithoutItsVotes() {
    var opinion =
        new fr.passerelle.decision.pathway.api.OpinionRecorded(
            DOSSIER,
            "31",
            Sessions.APRIL_SESSION,
            LocalDate.parse("2019-04-11"),
            Opinion.FAVOURABLE,
            12,
            2,
            1,
            true,
            1);

    assertPublishedAsGoldenSample(opinion, OpinionRecorded.TYPE, DOSSIER);
  }

  @Test
  void anAuthorisationIsPublishedAsAValidatedPathwayWithTheDossiersProfile() {
    var authorisation =
        new PathwayAuthorised(
            DOSSIER,
            "31",
            Pathways.DECISION,
            aProfile(),
            LocalDate.parse("2019-04-18"),
            LocalDate.parse("2019-05-01"),
            LocalDate.parse("2019-10-31"));

    assertPublishedAsGoldenSample(authorisation, PathwayValidated.TYPE, DOSSIER);
  }

  @Test
  void anAuthorisationOfADossierSubmittedWithoutItsAssociationPublishesNone() {
    var profile = aProfile();
    var withoutAssociation =
        new DossierProfile(
            profile.personId(),
            profile.nationality(),
            profile.ageBand(),
            profile.children(),
            profile.traffickingVictim(),
            profile.monthlyResources(),
            profile.receivesRsa(),
            profile.receivesAda(),
            null);
    var authorisation =
        new PathwayAuthorised(
            DOSSIER,
            "31",
            Pathways.DECISION,
            withoutAssociation,
            LocalDate.parse("2019-04-18"),
            LocalDate.parse("2019-05-01"),
            LocalDate.parse("2019-10-31"));

    IntegrationEvent published = mapper.map(authorisation).orElseThrow();

    assertThat(((PathwayValidated) published.data()).associationId()).isNull();
    EventContract.of(PathwayValidated.TYPE).assertValid(EventJson.write(published.data()));
  }

  @Test
  void aRefusalIsPublishedWithItsReasonButNotItsMotivation() {
    String dossier = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    var refusal =
        new fr.passerelle.decision.pathway.api.PathwayRefused(
            dossier,
            "31",
            Pathways.DECISION,
            new DossierProfile("p-1", "RO", null, 0, false, 0, false, false, null),
            RefusalReason.UNFAVOURABLE_OPINION,
            LocalDate.parse("2019-04-18"));

    assertPublishedAsGoldenSample(refusal, PathwayRefused.TYPE, dossier);
  }

  @Test
  void anOpinionOnARenewalSaysWhichTermItIsFor() {
    var opinion =
        Pathways.recorded(
            Pathways.anOpinion(DOSSIER, Sessions.JUNE_SESSION, Opinion.FAVOURABLE), 3);

    var published = (OpinionRecorded) mapper.map(opinion).orElseThrow().data();

    assertThat(published.termNumber()).isEqualTo(3);
  }

  @Test
  void aRenewalIsPublishedWithItsTermAndTheMonthsOverAllTerms() {
    var renewal =
        new fr.passerelle.decision.pathway.api.PathwayRenewed(
            DOSSIER,
            "31",
            Pathways.DECISION,
            2,
            LocalDate.parse("2019-10-17"),
            LocalDate.parse("2019-11-01"),
            LocalDate.parse("2020-04-30"),
            6,
            12);

    assertPublishedAsGoldenSample(renewal, PathwayRenewed.TYPE, DOSSIER);
  }

  @Test
  void aRefusedRenewalIsPublishedWithItsReasonCode() {
    var refusal =
        new fr.passerelle.decision.pathway.api.PathwayRenewalRefused(
            DOSSIER,
            "31",
            Pathways.DECISION,
            3,
            RenewalRefusalReason.COMMITMENTS_NOT_KEPT,
            LocalDate.parse("2020-04-16"),
            LocalDate.parse("2020-04-30"));

    assertPublishedAsGoldenSample(refusal, PathwayRenewalRefused.TYPE, DOSSIER);
  }

  @Test
  void anEarlyEndIsPublishedWithItsReasonAndItsDates() {
    var end =
        new fr.passerelle.decision.pathway.api.PathwayEnded(
            DOSSIER,
            "31",
            Pathways.DECISION,
            EndReason.COMMITMENTS_NOT_KEPT,
            LocalDate.parse("2020-02-29"),
            LocalDate.parse("2020-02-13"),
            2,
            12);

    assertPublishedAsGoldenSample(end, PathwayEnded.TYPE, DOSSIER);
  }

  @Test
  void sessionsAndAgendasStayPrivate() {
    assertThat(mapper.map(Sessions.opened(Sessions.aFirstConvocation(14, 2)))).isEmpty();
    assertThat(mapper.map(Pathways.registered(DOSSIER))).isEmpty();
    assertThat(mapper.map(Pathways.placedOnAgenda(DOSSIER, Sessions.APRIL_SESSION))).isEmpty();
  }

  private void assertPublishedAsGoldenSample(Object internalEvent, String type, String dossierId) {
    IntegrationEvent published = mapper.map(internalEvent).orElseThrow();

    assertThat(published.type()).isEqualTo(type);
    assertThat(published.dossierId()).isEqualTo(dossierId);
    EventContract contract = EventContract.of(type);
    String json = EventJson.write(published.data());
    contract.assertValid(json);
    contract.assertSameAsGoldenSample(json);
  }
}
