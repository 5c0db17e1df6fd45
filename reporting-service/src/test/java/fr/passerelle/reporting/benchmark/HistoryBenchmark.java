package fr.passerelle.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.OpinionRecorded;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.benchmark.BenchmarkEvents.Event;
import fr.passerelle.reporting.history.query.HistoryReadModel;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long an auditor waits for a dossier's history of 200 events, among the events of 5,000 other
 * dossiers, read through the service's own HTTP (token checked, the read recorded in the access
 * log, the ledger queried). Prints p50, p99 and the slowest of 2,000 reads after 300 to warm up. A
 * benchmark, not a test: it asserts only that each answer is the whole history. Run it with
 *
 * <pre>
 * ./mvnw -o verify -pl reporting-service -am -Dit.test=HistoryBenchmark -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@ServiceIntegrationTest
class HistoryBenchmark {

  private static final String DEPARTEMENT = "65";
  private static final int EVENTS_OF_THE_DOSSIER = 200;
  private static final int DOSSIERS = 40;
  private static final int OTHER_DOSSIERS = 5_000;
  private static final int WARM_UP = 400;
  private static final int READS = 2_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryReadModel histories;

  @Test
  void aDossiersHistoryOf200Events() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    List<String> dossiers = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (int d = 0; d < DOSSIERS; d++) {
      String dossier = UUID.randomUUID().toString();
      dossiers.add(dossier);
      for (int i = 0; i < EVENTS_OF_THE_DOSSIER; i++) {
        events.add(eventOf(dossier, i));
      }
    }
    for (int i = 0; i < OTHER_DOSSIERS; i++) {
      events.add(eventOf(UUID.randomUUID().toString(), i));
    }
    long before = jdbc.queryForObject("SELECT count(*) FROM public.audit_event", Long.class);
    try (BenchmarkEvents bus = new BenchmarkEvents()) {
      bus.publish(events);
    }
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> jdbc.queryForObject("SELECT count(*) FROM public.audit_event", Long.class),
            count -> count >= before + events.size());

    TestHttp auditor = TestHttp.onPort(port).as(TestTokens.staff("AUDITOR", DEPARTEMENT));
    List<String> paths =
        dossiers.stream()
            .map(d -> "/api/departements/" + DEPARTEMENT + "/dossiers/" + d + "/history")
            .toList();
    for (int i = 0; i < WARM_UP; i++) {
      read(auditor, paths.get(i % DOSSIERS));
    }
    long[] nanos = new long[READS];
    for (int i = 0; i < READS; i++) {
      long start = System.nanoTime();
      read(auditor, paths.get(i % DOSSIERS));
      nanos[i] = System.nanoTime() - start;
    }
    long[] queries = new long[READS];
    for (int i = 0; i < READS; i++) {
      long start = System.nanoTime();
      assertThat(histories.of(DEPARTEMENT, dossiers.get(i % DOSSIERS), true)).isPresent();
      queries[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    Arrays.sort(queries);
    System.out.printf(
        "%nHISTORY BENCHMARK, the ledger's part alone (queries and mapping, no HTTP): %d reads%n"
            + "  p50 %.2f ms   p99 %.2f ms   max %.2f ms%n",
        READS,
        queries[READS / 2] / 1e6,
        queries[(int) Math.ceil(READS * 0.99) - 1] / 1e6,
        queries[READS - 1] / 1e6);
    System.out.printf(
        "%nHISTORY BENCHMARK: %d dossiers of %d events among %d rows of the ledger, %d reads%n"
            + "  p50 %.2f ms   p99 %.2f ms   max %.2f ms   (goal: p99 < 20 ms)%n%n",
        DOSSIERS,
        EVENTS_OF_THE_DOSSIER,
        jdbc.queryForObject("SELECT count(*) FROM public.audit_event", Long.class),
        READS,
        nanos[READS / 2] / 1e6,
        nanos[(int) Math.ceil(READS * 0.99) - 1] / 1e6,
        nanos[READS - 1] / 1e6);
  }

  private static void read(TestHttp auditor, String path) {
    HttpResponse<String> response = auditor.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("entries").size())
        .isGreaterThanOrEqualTo(EVENTS_OF_THE_DOSSIER);
  }

  /** Opinions, jobs and access entries in turn, from the three services' topics. */
  private static Event eventOf(String dossier, int i) {
    String type =
        switch (i % 3) {
          case 0 -> OpinionRecorded.TYPE;
          case 1 -> EmploymentRecorded.TYPE;
          default -> AccessRecorded.TYPE;
        };
    String topic =
        switch (i % 3) {
          case 0 -> DecisionEvents.TOPIC;
          case 1 -> BenefitsEvents.TOPIC;
          default -> DossierEvents.TOPIC;
        };
    String source =
        switch (i % 3) {
          case 0 -> "/passerelle/decision-service";
          case 1 -> "/passerelle/benefits-service";
          default -> "/passerelle/dossier-service";
        };
    String json =
        EventContract.of(type)
            .goldenSample()
            .replaceAll("\"dossierId\": \"[^\"]*\"", "\"dossierId\": \"" + dossier + "\"")
            .replaceAll(
                "\"departmentCode\": \"[^\"]*\"", "\"departmentCode\": \"" + DEPARTEMENT + "\"")
            .replaceAll("\"accessId\": \"[^\"]*\"", "\"accessId\": \"" + UUID.randomUUID() + "\"");
    return new Event(topic, UUID.randomUUID().toString(), type, source, dossier, json);
  }
}
