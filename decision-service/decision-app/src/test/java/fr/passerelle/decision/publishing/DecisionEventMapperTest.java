package fr.passerelle.decision.publishing;

import static fr.passerelle.decision.Pathways.aProfile;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.Pathways;
import fr.passerelle.decision.Sessions;
import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.decision.events.RefusalReason;
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
            true);

    assertPublishedAsGoldenSample(opinion, OpinionRecorded.TYPE, DOSSIER);
  }

  @Test
  void anAuthorisationIsPublishedAsAValidatedPathwayWithTheDossiersProfile() {
    var authorisation =
        new PathwayAuthorised(
            DOSSIER,
            "31",
            aProfile(),
            LocalDate.parse("2019-04-18"),
            LocalDate.parse("2019-05-01"),
            LocalDate.parse("2019-10-31"),
            "Mme X. a signé ses engagements");

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
            withoutAssociation,
            LocalDate.parse("2019-04-18"),
            LocalDate.parse("2019-05-01"),
            LocalDate.parse("2019-10-31"),
            null);

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
            new DossierProfile("p-1", "RO", null, 0, false, 0, false, false, null),
            RefusalReason.UNFAVOURABLE_OPINION,
            LocalDate.parse("2019-04-18"),
            "Mme Y. n'a pas souhaité poursuivre");

    assertPublishedAsGoldenSample(refusal, PathwayRefused.TYPE, dossier);
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
