package fr.passerelle.benefits;

import static fr.passerelle.benefits.BenefitsApi.aPathway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.reminder.query.RightsTodoList;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.testsupport.TestClock;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A département's today is its own: at 22:30 UTC on 30 November 2026 it is already 1 December in La
 * Réunion (974) but still the 30th in Paris; at 02:30 UTC on 1 December it is the 1st in Paris but
 * still the 30th in Martinique (972). A date of today is accepted, a date after it refused with the
 * same problem as in metropolitan France; the month's payment run can be made once the month has
 * begun there, and the to-do list shows what is due from that day.
 */
@BenefitsIntegrationTest
class DepartementDaysIT {

  private static final Instant PARIS_LATE_EVENING = Instant.parse("2026-11-30T22:30:00Z");
  private static final Instant PARIS_SMALL_HOURS = Instant.parse("2026-12-01T02:30:00Z");
  private static final LocalDate FIRST_OF_DECEMBER = LocalDate.of(2026, 12, 1);
  private static final String IN_THE_FUTURE =
      "{\"field\":\"requestedOn\",\"message\":\"ne peut pas être dans le futur\"}";

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired RightsTodoList reminders;

  private BenefitsApi api;

  @BeforeAll
  static void decisionTopicExists() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
  }

  @BeforeEach
  void api() {
    api = new BenefitsApi(port);
  }

  @AfterEach
  void realTime() {
    clock.set(Instant.now());
  }

  @Test
  void aReunionRequestOfTheFirstIsAcceptedAndListedWhileParisIsStillOnTheThirtieth() {
    String reunion = authorisedIn("974");
    String metropole = authorisedIn("13");
    clock.set(PARIS_LATE_EVENING);

    api.requestAfis("974", reunion, FIRST_OF_DECEMBER, 0);
    assertThat(
            await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> todo("974", "PREFECTURE"), body -> body.contains(reunion)))
        .contains(
            "{\"kind\":\"AFIS_REQUEST_TO_DECIDE\",\"subject\":\"%s\",\"dueOn\":\"%s\""
                .formatted(reunion, FIRST_OF_DECEMBER));

    HttpResponse<String> refused = request("13", metropole, FIRST_OF_DECEMBER);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("\"title\":\"Requête invalide\"", IN_THE_FUTURE);
  }

  @Test
  void aMartiniqueRequestOfTheFirstIsInTheFutureWhileParisIsAlreadyOnIt() {
    String martinique = authorisedIn("972");
    clock.set(PARIS_SMALL_HOURS);

    HttpResponse<String> refused = request("972", martinique, FIRST_OF_DECEMBER);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains("\"title\":\"Requête invalide\"", IN_THE_FUTURE);
  }

  @Test
  void decembersPaymentRunCanBePreviewedWhereDecemberHasBegun() {
    clock.set(PARIS_LATE_EVENING);
    assertThat(preview("974", "2026-12").statusCode()).isEqualTo(200);
    assertMonthToCome(preview("13", "2026-12"));

    clock.set(PARIS_SMALL_HOURS);
    assertThat(preview("13", "2026-12").statusCode()).isEqualTo(200);
    assertMonthToCome(preview("972", "2026-12"));
  }

  @Test
  void aMartiniquePermitEndingOnTheThirtiethStillExpiresTodayWhileParisIsOnTheFirst() {
    clock.set(PARIS_SMALL_HOURS);
    LocalDate thirtieth = LocalDate.of(2026, 11, 30);
    String martinique = UUID.randomUUID().toString();
    String metropole = UUID.randomUUID().toString();
    for (String[] beneficiary : new String[][] {{"972", martinique}, {"15", metropole}}) {
      aPathway(beneficiary[1]).in(beneficiary[0]).authorisedOn(LocalDate.of(2026, 5, 30)).publish();
      api.awaitBeneficiary(beneficiary[0], beneficiary[1]);
      HttpResponse<String> issued =
          api.issuePermit(beneficiary[0], beneficiary[1], LocalDate.of(2026, 5, 30), thirtieth);
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
      api.awaitBeneficiary(beneficiary[0], beneficiary[1], body -> body.contains("ISSUED"));
    }

    assertThat(expiringToday("972")).contains(martinique);
    assertThat(expiringToday("15")).isEqualTo("[]");
  }

  @Test
  void decembersRunIsOnTheListFromMayottesFirstOfDecemberAndNotBeforeParissOwn() {
    String mayotte = UUID.randomUUID().toString();
    String metropole = UUID.randomUUID().toString();
    clock.set(Instant.parse("2026-11-30T10:00:00Z"));
    api.grantedAfis(aPathway(mayotte).in("976").authorisedOn(LocalDate.of(2026, 10, 1)));
    api.grantedAfis(aPathway(metropole).in("14").authorisedOn(LocalDate.of(2026, 10, 1)));

    // the scheduler's pass at 01:00 in Paris on 30 November
    reminders.openPaymentRunsDue(LocalDate.of(2026, 11, 30));
    clock.set(PARIS_LATE_EVENING);

    String decembersRun =
        "{\"kind\":\"PAYMENT_RUN_DUE\",\"subject\":\"2026-12\",\"dueOn\":\"2026-12-31\","
            + "\"since\":\"2026-12-01\"}";
    assertThat(todo("976", "PAYING_BODY")).contains(decembersRun);
    assertThat(todo("14", "PAYING_BODY")).doesNotContain("2026-12");
    clock.set(PARIS_SMALL_HOURS);
    assertThat(todo("14", "PAYING_BODY")).contains(decembersRun);
  }

  /** A beneficiary of {@code departement} whose pathway was authorised on 1 October 2026. */
  private String authorisedIn(String departement) {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId).in(departement).authorisedOn(LocalDate.of(2026, 10, 1)).publish();
    api.awaitBeneficiary(departement, dossierId);
    return dossierId;
  }

  private HttpResponse<String> request(String departement, String dossierId, LocalDate on) {
    return api.association(departement)
        .postJson(
            BenefitsApi.beneficiary(departement, dossierId) + "/afis/requests",
            """
            {"requestedOn":"%s","children":0,"previousMonthResources":0,
             "receivesRsa":false,"receivesAda":false}"""
                .formatted(on));
  }

  private String expiringToday(String departement) {
    HttpResponse<String> expiring =
        api.prefecture(departement)
            .get("/api/departements/%s/rights/permits/expiring?days=0".formatted(departement));
    assertThat(expiring.statusCode()).as(expiring.body()).isEqualTo(200);
    return expiring.body();
  }

  private HttpResponse<String> preview(String departement, String month) {
    return api.payingBody(departement)
        .get(
            "/api/departements/%s/rights/payment-runs/preview?month=%s"
                .formatted(departement, month));
  }

  private static void assertMonthToCome(HttpResponse<String> refused) {
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "{\"field\":\"month\",\"message\":\"ne peut pas être dans le futur : un mois se verse"
                + " une fois commencé\"}");
  }

  private String todo(String departement, String role) {
    HttpResponse<String> todo =
        api.http()
            .as(TestTokens.staff(role, departement))
            .get("/api/departements/" + departement + "/rights/todo");
    assertThat(todo.statusCode()).as(todo.body()).isEqualTo(200);
    return todo.body();
  }
}
