package fr.passerelle.dossier.intake.command;

import static fr.passerelle.dossier.Dossiers.aCompleteContent;
import static fr.passerelle.dossier.Dossiers.anEmptyContent;
import static fr.passerelle.dossier.Dossiers.anyId;

import fr.passerelle.dossier.events.AgeBand;
import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.DossierDrafted;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.DraftRevised;
import fr.passerelle.dossier.intake.api.DraftWithdrawn;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
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
            (association, department, day) ->
                ASSOCIATION.equals(association) && "31".equals(department));
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
  void aCompleteDraftIsSubmittedWithTheAgeBandInPlaceOfTheBirthDate() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .given(new DossierDrafted(dossierId, "31", personId, content, NOW))
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectEvents(
            new DossierSubmitted(dossierId, "31", personId, content, AgeBand.FROM_18_TO_24, NOW));
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
            new DossierSubmitted(dossierId, "31", personId, content, AgeBand.FROM_18_TO_24, NOW))
        .when(new SubmitDossierCommand(dossierId, "31"))
        .expectException(DossierStateException.class);
  }

  @Test
  void aSubmittedDossierIsNoLongerRevised() {
    DossierContent content = aCompleteContent(ASSOCIATION);

    fixture
        .given(
            new DossierDrafted(dossierId, "31", personId, content, NOW),
            new DossierSubmitted(dossierId, "31", personId, content, AgeBand.FROM_18_TO_24, NOW))
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
        .expectEvents(new DraftWithdrawn(dossierId, "31", personId, NOW));
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
    };
  }
}
