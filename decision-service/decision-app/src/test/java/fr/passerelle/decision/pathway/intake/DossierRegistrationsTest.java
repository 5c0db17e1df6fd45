package fr.passerelle.decision.pathway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.pathway.api.DossierProfile;
import fr.passerelle.decision.pathway.api.RegisterDossierCommand;
import fr.passerelle.dossier.events.AgeBand;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.eventbus.EventJson;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierRegistrationsTest {

  private static final EventContract SUBMITTED = EventContract.of(DossierSubmitted.TYPE);

  @Test
  void theProducersGoldenSampleIsRegisteredWithItsWholeProfileAndItsAssociation() {
    var submitted = EventJson.read(SUBMITTED.goldenSample(), DossierSubmitted.class);

    assertThat(DossierRegistrations.of(submitted))
        .isEqualTo(
            new RegisterDossierCommand(
                "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11",
                "31",
                Instant.parse("2019-03-14T09:30:00Z"),
                new DossierProfile(
                    "3f9c2a71d04e4b8e9a6512c7f0d3b8e4",
                    "NG",
                    AgeBand.FROM_25_TO_34,
                    1,
                    true,
                    120,
                    false,
                    false,
                    "a1f2e3d4-5c6b-4a79-8e01-23456789abcd",
                    false),
                LocalDate.parse("2019-03-12")));
  }

  @Test
  void aSubmissionPublishedWithoutItsDateIsDatedByTheDayItWasRecordedInFrance() {
    var submitted =
        EventJson.read(
            """
            {"dossierId":"d-1","departmentCode":"31","nationality":"NG","children":0,
             "traffickingVictim":true,"submittedAt":"2019-03-13T23:30:00Z"}""",
            DossierSubmitted.class);

    assertThat(DossierRegistrations.of(submitted).submittedOn())
        .isEqualTo(LocalDate.parse("2019-03-14"));
  }

  @Test
  void aVictimOfProcuringIsKnownAsSuchToTheDecision() {
    var submitted =
        EventJson.read(
            SUBMITTED
                .goldenSample()
                .replace("\"procuringVictim\": false", "\"procuringVictim\": true"),
            DossierSubmitted.class);

    assertThat(DossierRegistrations.of(submitted).profile().procuringVictim()).isTrue();
  }

  @Test
  void aSubmissionOf02KnowsThePersonByTheVaultsId() {
    var submitted =
        EventJson.read(
            """
            {"dossierId":"d-1","departmentCode":"31","nationality":"NG","children":0,
             "traffickingVictim":true,"submittedAt":"2019-03-14T09:30:00Z","personId":"p-1"}""",
            DossierSubmitted.class);

    assertThat(DossierRegistrations.of(submitted).profile().personId()).isEqualTo("p-1");
  }

  @Test
  void aSubmissionWithoutTheFieldsAddedIn02GetsSafeDefaults() {
    var submitted =
        EventJson.read(
            """
            {"dossierId":"d-1","departmentCode":"976","nationality":"KM","children":3,
             "traffickingVictim":false,"submittedAt":"2019-03-14T09:30:00Z"}""",
            DossierSubmitted.class);

    assertThat(DossierRegistrations.of(submitted).profile())
        .isEqualTo(new DossierProfile("d-1", "KM", null, 3, false, 0, false, false, null));
  }
}
