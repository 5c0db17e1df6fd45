package fr.passerelle.benefits;

import static fr.passerelle.benefits.BenefitsApi.aPathway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.beneficiary.api.AfisPaid;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A payment run survives a crash of the service: benefits-service runs in a process of its own, is
 * killed (SIGKILL, no shutdown) while a run pays its lines, and started again on the same database.
 * Afterwards every beneficiary is paid exactly once for the month: nothing was created twice,
 * nothing was lost.
 */
class PaymentRunRestartIT {

  private static final String DEPARTEMENT = "64";
  private static final int BENEFICIARIES = 200;
  private static final String MONTH = "2022-10";

  private static final String DATABASE = "benefits_restart";

  /**
   * The service's name, which names its consumer groups: another, so that it shares no group with
   * the other integration tests' benefits-service, alive in this JVM.
   */
  private static final String NAME = "benefits-restart-" + UUID.randomUUID();

  private static final Path LOGS = Path.of("target", "payment-run-restart");

  private static JdbcTemplate jdbc;
  private static int port;
  private static Process service;

  @BeforeAll
  static void aServiceOfItsOwn() throws IOException {
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    var infrastructure = TestInfrastructure.get();
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                infrastructure.jdbcUrl(DATABASE),
                infrastructure.username(),
                infrastructure.password()));
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(LOGS);
    service = start();
  }

  @AfterAll
  static void stopIt() throws InterruptedException {
    if (service != null) {
      service.destroy();
      service.waitFor(30, TimeUnit.SECONDS);
      service.destroyForcibly();
    }
  }

  @Test
  void aRunKilledInTheMiddlePaysEveryLineExactlyOnceAfterTheRestart() throws Exception {
    BenefitsApi api = new BenefitsApi(port);
    List<String> dossierIds = new ArrayList<>();
    for (int i = 0; i < BENEFICIARIES; i++) {
      String dossierId = UUID.randomUUID().toString();
      dossierIds.add(dossierId);
      aPathway(dossierId)
          .in(DEPARTEMENT)
          .running(LocalDate.of(2022, 7, 20), LocalDate.of(2022, 8, 1), LocalDate.of(2023, 1, 31))
          .publish();
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> registered(dossierIds), count -> count == BENEFICIARIES);
    for (String dossierId : dossierIds) {
      grant(api, dossierId);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> api.payingBody(DEPARTEMENT).get(runs() + "/preview?month=" + MONTH).body(),
            body -> body.contains("\"toPay\":" + BENEFICIARIES + ","));

    HttpResponse<String> confirmed =
        api.payingBody(DEPARTEMENT).postJson(runs(), "{\"month\":\"" + MONTH + "\"}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
    String runId = confirmed.body().replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> paid(dossierIds), count -> count >= 5);
    service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    int paidAtTheKill = paid(dossierIds);
    System.out.printf(
        "PaymentRunRestartIT: killed with %d of %d lines paid%n", paidAtTheKill, BENEFICIARIES);
    assertThat(paidAtTheKill)
        .as("the run was killed in its middle, not after it ended")
        .isLessThan(BENEFICIARIES);

    service = start();

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> lines(runId), count -> count == BENEFICIARIES);
    assertThat(paid(dossierIds))
        .as(
            "beneficiaries paid; lines by outcome %s; lines of beneficiaries not paid %s",
            jdbc.queryForList(
                "SELECT outcome, count(*) AS n FROM afis_payment_run_line WHERE run_id = ?"
                    + " GROUP BY outcome",
                runId),
            jdbc.queryForList(
                "SELECT l.dossier_id, l.outcome FROM afis_payment_run_line l WHERE l.run_id = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM domain_event_entry e"
                    + " WHERE e.aggregate_identifier = l.dossier_id AND e.payload_type = ?)",
                runId,
                AfisPaid.class.getName()))
        .isEqualTo(BENEFICIARIES);
    assertThat(
            jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?"
                    + " GROUP BY aggregate_identifier HAVING count(*) > 1",
                String.class,
                AfisPaid.class.getName()))
        .as("beneficiaries paid twice")
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM afis_payment_run_line WHERE run_id = ? AND outcome = 'PAID'",
                Integer.class,
                runId))
        .isEqualTo(BENEFICIARIES);
    String run =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.payingBody(DEPARTEMENT).get(runs() + "/" + runId).body(),
                body -> body.contains("\"status\":\"COMPLETED\""));
    assertThat(run)
        .contains("\"paid\":" + BENEFICIARIES + ",\"paidCents\":" + BENEFICIARIES * 43_200L + ",");
    assertEachPaymentPublishedOnce(dossierIds);
  }

  /**
   * The outbox publishes at least once: a payment sent just before the kill may be sent again after
   * it, under the same {@code ce_id}, which consumers deduplicate. Each beneficiary's payment is
   * one event on the bus.
   */
  private static void assertEachPaymentPublishedOnce(List<String> dossierIds) {
    Set<String> ours = new HashSet<>(dossierIds);
    try (var topic = new TopicReader(BenefitsEvents.TOPIC)) {
      Map<String, Set<String>> eventIdsByDossier =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      topic.readAll().stream()
                          .filter(r -> ours.contains(r.key()))
                          .filter(
                              r ->
                                  header(r, "ce_type")
                                      .equals(fr.passerelle.benefits.events.AfisPaid.TYPE))
                          .collect(
                              Collectors.groupingBy(
                                  ConsumerRecord::key,
                                  Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet()))),
                  byDossier -> byDossier.size() == BENEFICIARIES);
      assertThat(eventIdsByDossier.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    }
  }

  private static void grant(BenefitsApi api, String dossierId) {
    HttpResponse<String> permit =
        api.issuePermit(
            DEPARTEMENT, dossierId, LocalDate.of(2022, 7, 20), LocalDate.of(2023, 1, 20));
    assertThat(permit.statusCode()).as(permit.body()).isEqualTo(200);
    String requestId = api.requestAfis(DEPARTEMENT, dossierId, LocalDate.of(2022, 7, 20), 1);
    HttpResponse<String> decided =
        api.decideAfis(DEPARTEMENT, dossierId, requestId, LocalDate.of(2022, 7, 21));
    assertThat(decided.body()).contains("\"status\":\"GRANTED\"");
  }

  private static int registered(List<String> dossierIds) {
    return count("SELECT count(*) FROM beneficiary_rights WHERE dossier_id IN (%s)", dossierIds);
  }

  private static int paid(List<String> dossierIds) {
    return count(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type = '"
            + AfisPaid.class.getName()
            + "' AND aggregate_identifier IN (%s)",
        dossierIds);
  }

  private static int lines(String runId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM afis_payment_run_line WHERE run_id = ?", Integer.class, runId);
  }

  private static int count(String sql, List<String> ids) {
    if (!tablesExist()) {
      return 0;
    }
    String placeholders = ids.stream().map(id -> "?").collect(Collectors.joining(","));
    return jdbc.queryForObject(sql.formatted(placeholders), Integer.class, ids.toArray());
  }

  private static boolean tablesExist() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT to_regclass('beneficiary_rights') IS NOT NULL", Boolean.class));
  }

  private static String runs() {
    return "/api/departements/" + DEPARTEMENT + "/rights/payment-runs";
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Axon would otherwise report its usage over the network every few seconds. */
  private static ProcessBuilder withoutUpdateChecks(ProcessBuilder builder) {
    builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    return builder;
  }

  /** benefits-service from the test's class path, on its own database and consumer group. */
  private static Process start() {
    var infrastructure = TestInfrastructure.get();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenefitsApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + infrastructure.jdbcUrl(DATABASE));
    command.add("--spring.datasource.username=" + infrastructure.username());
    command.add("--spring.datasource.password=" + infrastructure.password());
    command.add("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers());
    command.add("--spring.application.name=" + NAME);
    command.add("--passerelle.edge.service=benefits-service");
    command.add("--passerelle.security.jwt.issuer=" + TestTokens.ISSUER);
    command.add("--passerelle.security.jwt.public-key=" + TestTokens.publicKeyPem().toUri());
    try {
      Process process =
          withoutUpdateChecks(new ProcessBuilder(command))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(LOGS.resolve("benefits-service.log").toFile()))
              .start();
      BenefitsApi api = new BenefitsApi(port);
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "benefits-service stopped; see " + LOGS.resolve("benefits-service.log"));
                }
                try {
                  return api.http().get("/actuator/health/readiness").statusCode() == 200;
                } catch (RuntimeException notYet) {
                  return false;
                }
              });
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
