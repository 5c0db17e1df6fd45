package fr.passerelle.reporting.review;

import static fr.passerelle.reporting.review.ProducedEvents.aDossierId;
import static fr.passerelle.reporting.review.ProducedEvents.submittedOn;
import static fr.passerelle.reporting.review.ProducedEvents.submittedWithoutItsDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests are registered in the year of the day the association submitted them, not the year
 * dossier-service recorded them; a submission published without that day keeps the day it was
 * recorded, in Paris. The Creuse (23) in 2036 and 2037 belongs to this test.
 */
@ServiceIntegrationTest
class SubmissionDatesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void requestsAreRegisteredInTheYearTheyWereSubmittedNotTheYearTheyWereRecorded() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    // Submitted on the last day of 2036, entered a few days later.
    submittedOn(
            aDossierId(), "23", LocalDate.of(2036, 12, 31), Instant.parse("2037-01-05T09:00:00Z"))
        .send();
    // Published without its day, recorded at 23:30 UTC on 31 December: 1 January 2037 in Paris.
    submittedWithoutItsDate(aDossierId(), "23", Instant.parse("2036-12-31T23:30:00Z")).send();
    // Published without its day, recorded on 30 December 2036 in Paris.
    submittedWithoutItsDate(aDossierId(), "23", Instant.parse("2036-12-30T10:00:00Z")).send();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(firstRequestsRegistered(2036)).isEqualTo(2);
              assertThat(firstRequestsRegistered(2037)).isEqualTo(1);
            });
  }

  private long firstRequestsRegistered(int year) {
    var response =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", "23"))
            .get("/api/departements/23/reports/review?year=" + year);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("firstRequestsRegistered").asLong();
  }
}
