package fr.passerelle.dossier.renewal.command;

import fr.passerelle.dossier.renewal.api.RenewalRequested;
import fr.passerelle.dossier.renewal.api.RequestRenewalCommand;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.testsupport.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenewalRequestTest {

  private static final LocalDate SUBMITTED_ON = LocalDate.parse("2019-03-14");

  private AggregateTestFixture<RenewalRequest> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(RenewalRequest.class);
    fixture.registerInjectableResource(TestClock.at(LocalDate.parse("2019-10-01")));
  }

  @Test
  void aRenewalAskedAfterTheSubmissionIsRecordedWithItsDate() {
    fixture
        .givenNoPriorActivity()
        .when(requestOn("2019-09-30"))
        .expectEvents(
            new RenewalRequested("r-1", "d-1", "31", "a-1", LocalDate.parse("2019-09-30")));
  }

  @Test
  void aRenewalDatedInTheFutureIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(requestOn("2019-10-02"))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aRenewalDatedBeforeTheSubmissionIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(requestOn("2019-03-13"))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aRenewalDatedTheDepartementsTodayIsRecordedWhereverParisIs() {
    // 23:30 on 30 November in Paris, 02:30 on 1 December in La Réunion
    var parisEvening = new AggregateTestFixture<>(RenewalRequest.class);
    parisEvening.registerInjectableResource(TestClock.at(Instant.parse("2026-11-30T22:30:00Z")));
    LocalDate december1 = LocalDate.parse("2026-12-01");

    parisEvening
        .givenNoPriorActivity()
        .when(new RequestRenewalCommand("r-1", "d-1", "974", "a-1", SUBMITTED_ON, december1))
        .expectEvents(new RenewalRequested("r-1", "d-1", "974", "a-1", december1));
    parisEvening
        .givenNoPriorActivity()
        .when(new RequestRenewalCommand("r-1", "d-1", "31", "a-1", SUBMITTED_ON, december1))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  @Test
  void aRenewalDatedParissTodayIsRefusedWhereItIsStillTheDayBefore() {
    // 03:30 on 1 December in Paris, 22:30 on 30 November in Martinique
    var parisNight = new AggregateTestFixture<>(RenewalRequest.class);
    parisNight.registerInjectableResource(TestClock.at(Instant.parse("2026-12-01T02:30:00Z")));

    parisNight
        .givenNoPriorActivity()
        .when(
            new RequestRenewalCommand(
                "r-1", "d-1", "972", "a-1", SUBMITTED_ON, LocalDate.parse("2026-12-01")))
        .expectNoEvents()
        .expectException(InvalidRequestException.class);
  }

  private static RequestRenewalCommand requestOn(String day) {
    return new RequestRenewalCommand("r-1", "d-1", "31", "a-1", SUBMITTED_ON, LocalDate.parse(day));
  }
}
