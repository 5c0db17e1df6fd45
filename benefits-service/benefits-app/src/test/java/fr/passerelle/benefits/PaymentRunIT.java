package fr.passerelle.benefits;

import static fr.passerelle.benefits.BenefitsApi.aPathway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.beneficiary.api.AfisPaid;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.testsupport.TestClock;
import fr.passerelle.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paying body's monthly runs: previewed, confirmed, paid once per beneficiary and month at the
 * amount in force that month, whatever the number of runs. Each test works in a département of its
 * own, so that no other test's rights join its runs.
 */
@BenefitsIntegrationTest
class PaymentRunIT {

  private static final Pattern RUN_ID = Pattern.compile("\"runId\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /** The service's today: Paris time, whatever the zone of the machine running the tests. */
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
  void aRunPaysTheMonthAtItsScaleOnceWhateverTheRuns() {
    String dossierId = UUID.randomUUID().toString();
    api.grantedAfis(
        aPathway(dossierId)
            .in("62")
            .running(
                LocalDate.of(2022, 7, 20), LocalDate.of(2022, 8, 1), LocalDate.of(2023, 1, 31)));

    HttpResponse<String> preview = api.payingBody("62").get(runs("62") + "/preview?month=2022-10");
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body())
        .contains(
            "{\"dossierId\":\""
                + dossierId
                + "\",\"outcome\":\"PAID\",\"amountCents\":43200,"
                + "\"fullMonthAmountCents\":43200,\"children\":1,"
                + "\"scaleReference\":\"décret 2017-542\"}",
            "\"toPay\":1,\"totalCents\":43200");
    assertThat(paymentsOf(dossierId)).isZero();

    String october = completed(confirm("62", "2022-10"));
    assertThat(october).contains("\"paid\":1,\"paidCents\":43200");
    String again = completed(confirm("62", "2022-10"));
    assertThat(again)
        .contains(
            "\"paid\":0,\"paidCents\":0",
            "{\"dossierId\":\"" + dossierId + "\",\"outcome\":\"ALREADY_PAID\",\"paidCents\":0}");
    String november = completed(confirm("62", "2022-11"));
    assertThat(november).contains("\"paid\":1,\"paidCents\":44928");

    assertThat(paymentsOf(dossierId)).isEqualTo(2);
    String view =
        api.awaitBeneficiary("62", dossierId, body -> body.contains("\"month\":\"2022-11\""));
    assertThat(view)
        .contains(
            "{\"month\":\"2022-10\",\"amountCents\":43200,\"fullMonthAmountCents\":43200,"
                + "\"children\":1,\"scaleReference\":\"décret 2017-542\"",
            "{\"month\":\"2022-11\",\"amountCents\":44928,\"fullMonthAmountCents\":44928,"
                + "\"children\":1,\"scaleReference\":\"décret 2022-1340\"");
    assertThat(api.payingBody("62").get(runs("62") + "/preview?month=2022-10").body())
        .contains("\"outcome\":\"ALREADY_PAID\"", "\"toPay\":0,\"totalCents\":0");
  }

  @Test
  void mayottesFirstMonthIsPaidProRataAndItsOwnScaleFollowsItsRescale() {
    String dossierId = UUID.randomUUID().toString();
    api.grantedAfis(
        aPathway(dossierId)
            .in("976")
            .running(
                LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 15), LocalDate.of(2026, 4, 14)));

    // 224.64 € × 17 of 31 days, then 224.64 €, then the December 2025 scale's 332.76 €
    assertThat(completed(confirm("976", "2025-10"))).contains("\"paidCents\":12318");
    assertThat(completed(confirm("976", "2025-11"))).contains("\"paidCents\":22464");
    assertThat(completed(confirm("976", "2025-12"))).contains("\"paidCents\":33276");
  }

  @Test
  void aMonthToComeOrMalformedIsRefusedAndNothingIsScheduled() {
    long runsBefore = runCount();
    String next = YearMonth.from(clock.today()).plusMonths(1).toString();

    for (HttpResponse<String> refused :
        new HttpResponse[] {
          api.payingBody("62").postJson(runs("62"), "{\"month\":\"" + next + "\"}"),
          api.payingBody("62").postJson(runs("62"), "{\"month\":\"2022-13\"}"),
          api.payingBody("62").postJson(runs("62"), "{}"),
          api.payingBody("62").get(runs("62") + "/preview?month=" + next)
        }) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("\"field\":\"month\"");
    }
    assertThat(runCount()).isEqualTo(runsBefore);
  }

  @Test
  void aMonthWithNoScaleInForceIsAnExplicitErrorNeverASilentAmount() {
    String dossierId = UUID.randomUUID().toString();
    aPathway(dossierId)
        .in("62")
        .running(LocalDate.of(2017, 4, 10), LocalDate.of(2017, 4, 11), LocalDate.of(2017, 10, 10))
        .publish();
    api.awaitBeneficiary("62", dossierId);
    api.issuePermit("62", dossierId, LocalDate.of(2017, 4, 10), LocalDate.of(2017, 10, 10));
    String requestId = api.requestAfis("62", dossierId, LocalDate.of(2017, 4, 10), 0);

    HttpResponse<String> decided =
        api.decideAfis("62", dossierId, requestId, LocalDate.of(2017, 4, 12));

    // décret 2017-542 took effect on 15 April 2017: April has no scale
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(409);
    assertThat(decided.body()).contains("Aucun barème de l'AFIS n'est en vigueur le 1er 2017-04");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND payload_type LIKE '%AfisGranted'",
                Integer.class, dossierId))
        .isZero();
  }

  /**
   * The rights follow the pathway: its renewal extends the AFIS and lets the préfecture renew the
   * permit; its early end, recorded after two months were paid in full, withdraws the permit, ends
   * the AFIS on its last day, and what was paid beyond becomes an amount to recover.
   */
  @Test
  void aPathwayRenewedThenEndedEarlyEndsItsRightsAndWhatWasPaidBeyondIsToRecover() {
    String dossierId = UUID.randomUUID().toString();
    api.grantedAfis(
        aPathway(dossierId)
            .in("65")
            .running(
                LocalDate.of(2022, 7, 20), LocalDate.of(2022, 8, 1), LocalDate.of(2023, 1, 31)));

    BenefitsApi.renew(
        "65",
        dossierId,
        LocalDate.of(2023, 1, 10),
        LocalDate.of(2023, 2, 1),
        LocalDate.of(2023, 7, 31));
    api.awaitBeneficiary("65", dossierId, body -> body.contains("\"until\":\"2023-07-31\""));
    HttpResponse<String> renewed =
        api.prefecture("65")
            .postJson(
                BenefitsApi.beneficiary("65", dossierId) + "/permit/renewal",
                """
                {"decidedOn":"2023-01-15","validUntil":"2023-07-31","ceasedProstitution":true}""");
    assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
    assertThat(completed(confirm("65", "2023-02"))).contains("\"paidCents\":44928");
    assertThat(completed(confirm("65", "2023-03"))).contains("\"paidCents\":44928");

    BenefitsApi.endEarly("65", dossierId, LocalDate.of(2023, 2, 15), LocalDate.of(2023, 3, 20));

    String view =
        api.awaitBeneficiary("65", dossierId, body -> body.contains("\"overpayments\":[{"));
    // February is owed for 15 of its 28 days: 449.28 € × 15 / 28 = 240.68 €
    assertThat(view)
        .contains(
            "\"permit\":{\"status\":\"ENDED\",\"decidedOn\":\"2023-01-15\","
                + "\"validFrom\":\"2022-07-20\",\"validUntil\":\"2023-07-31\","
                + "\"endedOn\":\"2023-02-15\",\"endReason\":\"WITHDRAWN\"}",
            "\"status\":\"ENDED\",\"territory\":\"MAINLAND\"",
            "\"endedOn\":\"2023-02-15\",\"endReason\":\"PATHWAY_ENDED\"",
            "\"overpayments\":[{\"month\":\"2023-02\",\"amountCents\":20860,",
            "{\"month\":\"2023-03\",\"amountCents\":44928,");
    assertThat(api.payingBody("65").get(runs("65") + "/preview?month=2023-04").body())
        .doesNotContain(dossierId);
  }

  /** Confirms the month's run; returns its id. */
  private String confirm(String departement, String month) {
    HttpResponse<String> confirmed =
        api.payingBody(departement).postJson(runs(departement), "{\"month\":\"" + month + "\"}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
    Matcher runId = RUN_ID.matcher(confirmed.body());
    assertThat(runId.find()).isTrue();
    assertThat(confirmed.headers().firstValue("Location"))
        .hasValue(runs(departement) + "/" + runId.group(1));
    return departement + "/" + runId.group(1);
  }

  /** Waits for the run to complete; returns its view. */
  private String completed(String run) {
    String departement = run.substring(0, run.indexOf('/'));
    String runId = run.substring(run.indexOf('/') + 1);
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.payingBody(departement).get(runs(departement) + "/" + runId),
            r -> r.statusCode() == 200 && r.body().contains("\"status\":\"COMPLETED\""))
        .body();
  }

  private int paymentsOf(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " AND payload_type = ?",
        Integer.class,
        dossierId,
        AfisPaid.class.getName());
  }

  private long runCount() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%PaymentRunConfirmed'",
        Long.class);
  }

  private static String runs(String departement) {
    return "/api/departements/" + departement + "/rights/payment-runs";
  }
}
