package fr.passerelle.dossier.intake.command;

import static fr.passerelle.dossier.Dossiers.aSubmission;
import static fr.passerelle.dossier.Dossiers.anyDossierId;

import fr.passerelle.dossier.intake.api.DossierSubmitted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DossierTest {

  private static final Instant NOW = Instant.parse("2019-03-14T09:30:00Z");

  private AggregateTestFixture<Dossier> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Dossier.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void submittingADossierRecordsItsPublicFactsAndTheTime() {
    String dossierId = anyDossierId();

    fixture
        .givenNoPriorActivity()
        .when(aSubmission(dossierId))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new DossierSubmitted(dossierId, "31", "NG", 1, true, NOW));
  }
}
