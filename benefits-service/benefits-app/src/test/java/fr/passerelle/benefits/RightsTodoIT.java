package fr.passerelle.benefits;

import static fr.passerelle.benefits.BenefitsApi.aPathway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.testsupport.TestClock;
import fr.passerelle.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The to-do lists of rights and payments: fed by the service's events (permits and AFIS requests to
 * decide, permits about to expire) and by the persistent scheduler (the month's payment run), each
 * item gone once done. Each test works in a département of its own.
 */
@BenefitsIntegrationTest
class RightsTodoIT {

  @LocalServerPort int port;
  @Autowired TestClock clock;

  private BenefitsApi api;

  @BeforeAll
  static void decisionTopicExists() {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
  }

  @BeforeEach
  void api() {
    api = new BenefitsApi(port);
  }

  @Test
  void thePrefectureSeesThePermitsAndRequestsToDecideAndThePermitsAboutToExpire() {
    LocalDate today = clock.today();
    String soon = UUID.randomUUID().toString();
    String later = UUID.randomUUID().toString();
    aPathway(soon).in("66").authorisedOn(today.minusMonths(6)).publish();
    aPathway(later).in("66").authorisedOn(today.minusMonths(2)).publish();
    String todo =
        awaitTodo("66", "PREFECTURE", body -> body.contains(soon) && body.contains(later));
    assertThat(todo)
        .contains("{\"kind\":\"PERMIT_TO_DECIDE\",\"subject\":\"" + soon + "\"")
        .contains("{\"kind\":\"PERMIT_TO_DECIDE\",\"subject\":\"" + later + "\"");
    assertThat(todo("66", "PAYING_BODY")).doesNotContain(soon);

    LocalDate soonFrom = today.minusMonths(6).plusDays(10);
    LocalDate soonUntil = soonFrom.plusMonths(6).minusDays(1);
    assertThat(api.issuePermit("66", soon, soonFrom, soonUntil).statusCode()).isEqualTo(200);
    assertThat(api.issuePermit("66", later, today.minusMonths(2), today.plusMonths(4)).statusCode())
        .isEqualTo(200);
    String requestId = api.requestAfis("66", later, today.minusMonths(2), 0);

    todo =
        awaitTodo(
            "66",
            "PREFECTURE",
            body -> !body.contains("PERMIT_TO_DECIDE") && body.contains("AFIS"));
    assertThat(todo)
        .contains(
            "{\"kind\":\"PERMIT_EXPIRING\",\"subject\":\""
                + soon
                + "\",\"dueOn\":\""
                + soonUntil
                + "\"",
            "{\"kind\":\"AFIS_REQUEST_TO_DECIDE\",\"subject\":\"" + later + "\"")
        .doesNotContain("\"kind\":\"PERMIT_EXPIRING\",\"subject\":\"" + later);

    api.decideAfis("66", later, requestId, today);
    awaitTodo("66", "PREFECTURE", body -> !body.contains("AFIS_REQUEST_TO_DECIDE"));
  }

  @Test
  void thePayingBodySeesTheMonthsRunFromTheGrantThenEachMonthFromTheSchedulerUntilItIsDone() {
    YearMonth month = YearMonth.from(clock.today());
    String dossierId = UUID.randomUUID().toString();
    assertThat(todo("67", "PAYING_BODY")).doesNotContain("PAYMENT_RUN_DUE");
    api.grantedAfis(aPathway(dossierId).in("67").authorisedOn(clock.today().minusMonths(1)));

    assertThat(awaitTodo("67", "PAYING_BODY", body -> body.contains("PAYMENT_RUN_DUE")))
        .isEqualTo(runDue(month));
    assertThat(todo("67", "PREFECTURE")).doesNotContain("PAYMENT_RUN_DUE");
    confirm("67", month);
    awaitTodo("67", "PAYING_BODY", body -> body.equals("[]"));
    try {
      // the next month's reminders run at the scheduler's next poll
      YearMonth next = month.plusMonths(1);
      clock.setDay(next.atDay(1));

      assertThat(
              await()
                  .atMost(Duration.ofSeconds(40))
                  .until(() -> todo("67", "PAYING_BODY"), body -> body.contains("PAYMENT_RUN_DUE")))
          .isEqualTo(runDue(next));
      confirm("67", next);
      awaitTodo("67", "PAYING_BODY", body -> body.equals("[]"));
    } finally {
      clock.set(Instant.now());
    }
  }

  private static String runDue(YearMonth month) {
    return "[{\"kind\":\"PAYMENT_RUN_DUE\",\"subject\":\"%s\",\"dueOn\":\"%s\",\"since\":\"%s\"}]"
        .formatted(month, month.atEndOfMonth(), month.atDay(1));
  }

  private void confirm(String departement, YearMonth month) {
    HttpResponse<String> confirmed =
        api.payingBody(departement)
            .postJson(
                "/api/departements/" + departement + "/rights/payment-runs",
                "{\"month\":\"" + month + "\"}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
  }

  private String todo(String departement, String role) {
    HttpResponse<String> todo =
        api.http()
            .as(fr.passerelle.testsupport.TestTokens.staff(role, departement))
            .get("/api/departements/" + departement + "/rights/todo");
    assertThat(todo.statusCode()).as(todo.body()).isEqualTo(200);
    return todo.body();
  }

  private String awaitTodo(
      String departement, String role, java.util.function.Predicate<String> ready) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> todo(departement, role), ready);
  }
}
