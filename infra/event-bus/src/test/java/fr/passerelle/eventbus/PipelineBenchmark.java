package fr.passerelle.eventbus;

import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.publish.OutboxOperations;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.eventbus.testapp.TestApplication.Happened;
import fr.passerelle.eventbus.testapp.TestApplication.Shout;
import fr.passerelle.testsupport.PostgresProcess;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test but a benchmark of the event bus: it prints figures and asserts none. PostgreSQL runs
 * with durable commits (fsync and synchronous commit on), Kafka is the shared test broker. Run it
 * alone:
 *
 * <pre>
 * ./mvnw -B -o verify -pl infra/event-bus -am -Dit.test=PipelineBenchmark -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <ol>
 *   <li>latency: commands from one client now and then, then from 4 clients at a steady pace, each
 *       sent in a database transaction (as the services' use cases and consumers do) and causing
 *       one event, timed from the command to the consumer's applied row;
 *   <li>outbox: a block of events stored at once, timed until all are published (lag 0) and until
 *       all are applied;
 *   <li>consumer: a block of records produced straight to the topic, timed until all are applied.
 * </ol>
 */
@SpringBootTest(classes = TestApplication.class)
class PipelineBenchmark {

  private static final PostgresProcess POSTGRES = PostgresProcess.durable();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CLIENTS = 4;
  private static final int COMMANDS_PER_CLIENT = 250;
  private static final Duration PACE = Duration.ofMillis(40);
  private static final int BLOCK = 10_000;

  @Autowired CommandGateway commands;
  @Autowired EventStore eventStore;
  @Autowired OutboxOperations outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.application.name", () -> "eventbus-benchmark");
    registry.add("spring.datasource.url", () -> POSTGRES.jdbcUrl("eventbus_benchmark"));
    registry.add("spring.datasource.username", POSTGRES::username);
    registry.add("spring.datasource.password", POSTGRES::password);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
    registry.add("passerelle.security.jwt.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "passerelle.security.jwt.public-key", () -> TestTokens.publicKeyPem().toUri().toString());
  }

  @AfterAll
  static void stopPostgres() {
    POSTGRES.close();
  }

  @Test
  void measure() throws Exception {
    latency(CLIENTS, 100, Duration.ofMillis(1)); // warm-up
    List<Long> sparse = latency(1, 40, Duration.ofMillis(250));
    List<Long> latencies = latency(CLIENTS, COMMANDS_PER_CLIENT, PACE);
    Duration published;
    Duration storedToApplied;
    String block = "block-" + UUID.randomUUID();
    Instant start = Instant.now();
    List<EventMessage<?>> events = new ArrayList<>();
    for (int i = 0; i < BLOCK; i++) {
      events.add(
          GenericEventMessage.asEventMessage(new Happened("b-" + block + "-" + i % 500, "v" + i)));
    }
    eventStore.publish(events);
    Instant stored = Instant.now();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> outbox.status().lag() == 0);
    published = Duration.between(stored, Instant.now());
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> applied("b-" + block + "-%") == BLOCK);
    storedToApplied = Duration.between(stored, Instant.now());
    Duration consumed = consumerBlock();

    Collections.sort(sparse);
    Collections.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        """

        ===== event bus benchmark (durable PostgreSQL, %d cores) =====
        command -> applied, 1 client, one command every 250 ms (%d samples):
          p50 %d ms  p95 %d ms  p99 %d ms  max %d ms
        command -> applied, %d clients x %d commands every %d ms (%d samples):
          p50 %d ms  p95 %d ms  p99 %d ms  max %d ms
        outbox: %d events stored at once (%d ms to store)
          published in %d ms: %.0f events/s; applied in %d ms: %.0f events/s
        consumer: %d records produced straight to the topic
          applied in %d ms: %.0f records/s
        ==============================================================
        """,
        Runtime.getRuntime().availableProcessors(),
        sparse.size(),
        percentile(sparse, 50),
        percentile(sparse, 95),
        percentile(sparse, 99),
        sparse.get(sparse.size() - 1),
        CLIENTS,
        COMMANDS_PER_CLIENT,
        PACE.toMillis(),
        latencies.size(),
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99),
        latencies.get(latencies.size() - 1),
        BLOCK,
        Duration.between(start, stored).toMillis(),
        published.toMillis(),
        BLOCK * 1000.0 / Math.max(1, published.toMillis()),
        storedToApplied.toMillis(),
        BLOCK * 1000.0 / Math.max(1, storedToApplied.toMillis()),
        BLOCK,
        consumed.toMillis(),
        BLOCK * 1000.0 / Math.max(1, consumed.toMillis()));
  }

  /**
   * Commands from {@link #CLIENTS} clients, each sending one every {@code pace}; each value carries
   * its send time, so the latencies (ms) come from the applied rows.
   */
  private List<Long> latency(int clientCount, int perClient, Duration pace)
      throws InterruptedException {
    String run = "l-" + UUID.randomUUID();
    ScheduledExecutorService clients = Executors.newScheduledThreadPool(clientCount);
    CountDownLatch done = new CountDownLatch(clientCount * perClient);
    for (int c = 0; c < clientCount; c++) {
      int client = c;
      AtomicInteger next = new AtomicInteger();
      clients.scheduleAtFixedRate(
          () -> {
            int i = next.getAndIncrement();
            if (i < perClient) {
              long sent = Instant.now().toEpochMilli();
              // in a transaction, as the services' use cases and consumers send their commands
              transaction.executeWithoutResult(
                  status ->
                      commands.sendAndWait(
                          new Shout(run + "-" + client + "-" + i, Long.toString(sent))));
              done.countDown();
            }
          },
          0,
          Math.max(1, pace.toMillis()),
          TimeUnit.MILLISECONDS);
    }
    done.await(10, TimeUnit.MINUTES);
    clients.shutdownNow();
    int expected = clientCount * perClient;
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> applied(run + "-%") == expected);
    return jdbc.queryForList(
        "SELECT (EXTRACT(EPOCH FROM applied_at) * 1000)::BIGINT - value::BIGINT FROM applied"
            + " WHERE dossier_id LIKE ?",
        Long.class,
        run + "-%");
  }

  /** Records produced straight to the topic, as another service's outbox would; time to apply. */
  private Duration consumerBlock() throws Exception {
    String run = "k-" + UUID.randomUUID();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i : IntStream.range(0, BLOCK).toArray()) {
        String dossier = run + "-" + i % 500;
        var headers = new RecordHeaders();
        header(headers, "ce_id", UUID.randomUUID().toString());
        header(headers, "ce_type", TestApplication.TYPE);
        header(headers, "ce_source", "/passerelle/benchmark");
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_subject", dossier);
        header(headers, "ce_specversion", "1.0");
        producer.send(
            new ProducerRecord<>(
                TestApplication.TOPIC,
                null,
                dossier,
                JSON.writeValueAsString(new Happened(dossier, "k" + i)),
                headers));
      }
      producer.flush();
    }
    Instant produced = Instant.now();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> applied(run + "-%") == BLOCK);
    return Duration.between(produced, Instant.now());
  }

  private long applied(String dossierPattern) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM applied WHERE dossier_id LIKE ?", Long.class, dossierPattern);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }
}
