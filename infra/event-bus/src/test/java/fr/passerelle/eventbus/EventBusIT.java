package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.edge.Correlation;
import fr.passerelle.eventbus.consume.DeadLetter;
import fr.passerelle.eventbus.consume.DeadLetterOperations;
import fr.passerelle.eventbus.consume.DeadLetters;
import fr.passerelle.eventbus.publish.OutboxOperations;
import fr.passerelle.eventbus.publish.OutboxPublisher;
import fr.passerelle.eventbus.testapp.RecordedSpans;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.eventbus.testapp.TestApplication.Happened;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The bus end to end against real PostgreSQL and Kafka: events appended to the event store are
 * published by the outbox and applied by a consumer through the inbox.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PasserelleInfrastructureInitializer.class)
class EventBusIT {

  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeadLetters deadLetters;
  @Autowired DeadLetterOperations operations;
  @Autowired OutboxOperations outbox;
  @Autowired CommandGateway commands;
  @Autowired MeterRegistry meters;
  @Autowired EventProcessingConfiguration processing;
  @LocalServerPort int port;
  @Autowired TransactionManager axonTransactions;
  @Autowired TokenStore tokenStore;
  @Autowired Tracer tracer;
  @Autowired RecordedSpans spans;
  @Autowired EventGateway events;
  @Autowired ApplicationContext context;

  @AfterEach
  void noPoison() {
    TestApplication.POISON.clear();
    TestApplication.UNMAPPABLE.clear();
  }

  /**
   * Axon's units of work (a command's, an event processor's batch) run in the database's Spring
   * transaction: a processor's writes, the events its commands append and its token commit
   * together. Without it, each statement commits on its own and a crash can keep some of them.
   */
  @Test
  void axonsUnitsOfWorkRunInTheDatabasesTransaction() {
    assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
  }

  /**
   * A command's transaction waits for the disk at its commit, and so does a tracking processor's;
   * the outbox's, which only stores its token once Kafka has the batch, does not (ADR 61): a crash
   * that loses it sends the batch again, and the consumer applies it once.
   */
  @Test
  void theOutboxAloneCommitsWithoutWaitingForTheDisk() {
    String dossier = UUID.randomUUID().toString();
    String value = "commit-" + UUID.randomUUID();

    commands.sendAndWait(new TestApplication.Shout(dossier, value));

    awaitApplied(dossier, value);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestApplication.COMMITS.containsKey("traced/" + value));
    assertThat(TestApplication.COMMITS)
        .containsEntry("command/" + value, "on")
        .containsEntry("outbox/" + value, "off")
        .containsEntry("traced/" + value, "on");
  }

  /**
   * A tracking processor with nothing to read extends its claim once a second, in a transaction of
   * its own: that commit does not wait for the disk (ADR 61); its other transactions do.
   */
  @Test
  void aProcessorsClaimExtensionsAloneCommitWithoutWaitingForTheDisk() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM token_entry WHERE processor_name = 'traced'"
                            + " AND owner IS NOT NULL",
                        Integer.class)
                    > 0);
    int segment =
        jdbc.queryForObject(
            "SELECT min(segment) FROM token_entry WHERE processor_name = 'traced'", Integer.class);

    String extending =
        axonTransactions.fetchInTransaction(
            () -> {
              tokenStore.extendClaim("traced", segment);
              return jdbc.queryForObject("SHOW synchronous_commit", String.class);
            });
    String reading =
        axonTransactions.fetchInTransaction(
            () -> {
              tokenStore.fetchSegments("traced");
              return jdbc.queryForObject("SHOW synchronous_commit", String.class);
            });

    assertThat(extending).isEqualTo("off");
    assertThat(reading).isEqualTo("on");
  }

  @Test
  void storedEventsArePublishedAndAppliedInTheirDossiersOrder() {
    String dossier = UUID.randomUUID().toString();

    store(dossier, "a", "b", "c");

    awaitApplied(dossier, "a", "b", "c");
  }

  @Test
  void republishingSendsEventsAgainAndTheirEffectHappensOnce() {
    String dossier = UUID.randomUUID().toString();
    store(dossier, "first", "second");
    awaitApplied(dossier, "first", "second");

    double duplicatesBefore = duplicates();

    // As if the publisher had died after Kafka acknowledged but before its token was stored:
    // its token is behind what Kafka has, so it sends those events again.
    outbox.republishFrom(0);
    String marker = UUID.randomUUID().toString();
    store(marker, "after-republication");
    awaitApplied(marker, "after-republication");

    assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(2);
    assertThat(applied(dossier)).containsExactly("first", "second");
    assertThat(outbox.status().lag()).isZero();
  }

  @Test
  void republishingFromAnIndexSendsThoseEventsAgainAndTheOutboxKeepsPublishing() {
    String dossier = UUID.randomUUID().toString();
    store(dossier, "one", "two", "three");
    awaitApplied(dossier, "one", "two", "three");
    long second = globalIndexOf(dossier, "two");
    double duplicatesBefore = duplicates();

    outbox.republishFrom(second);

    String marker = UUID.randomUUID().toString();
    store(marker, "after-partial-republication");
    awaitApplied(marker, "after-partial-republication");
    assertThat(outboxProcessor().isRunning()).isTrue();
    // "two" and "three" went out again and were recognised; "one" did not
    await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() - duplicatesBefore >= 2);
    assertThat(applied(dossier)).containsExactly("one", "two", "three");
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status().lag() == 0);
  }

  @Test
  void theLagGaugeCountsWhatIsLeftToPublishWhileTheOutboxIsStopped() {
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status().lag() == 0);
    outboxProcessor().shutDown();
    try {
      String dossier = UUID.randomUUID().toString();
      store(dossier, "waiting-1", "waiting-2", "waiting-3");

      assertThat(meters.get("passerelle.eventbus.publisher.lag").gauge().value()).isEqualTo(3);
      assertThat(outbox.status().lag()).isEqualTo(3);
      assertThat(outbox.status().running()).isFalse();
    } finally {
      outboxProcessor().start();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> meters.get("passerelle.eventbus.publisher.lag").gauge().value() == 0);
  }

  /**
   * The operators see how far behind its events each streaming processor is, the outbox among them;
   * Axon's own metrics of every message are off (ADR 59).
   */
  @Test
  void theOutboxTellsHowFarBehindItsEventsItIs() {
    String dossier = UUID.randomUUID().toString();
    store(dossier, "measured");
    awaitApplied(dossier, "measured");

    assertThat(
            meters
                .get("passerelle.processor.latency")
                .tag("processor", OutboxPublisher.PROCESSING_GROUP)
                .gauge()
                .value())
        .isGreaterThanOrEqualTo(0);
    assertThat(meters.getMeters())
        .extracting(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith(OutboxPublisher.PROCESSING_GROUP));
  }

  @Test
  void aRepublicationOutsideTheEventStoreIsRefusedWithAProblemAndChangesNothing() {
    String dossier = UUID.randomUUID().toString();
    store(dossier, "before-bad-requests");
    awaitApplied(dossier, "before-bad-requests");
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.status().lag() == 0);
    long published = outbox.status().published();
    TestHttp admin = TestHttp.onPort(port).as(TestTokens.staff("ADMIN", "*"));

    for (String from : List.of("-1", "abc", String.valueOf(published + 1000), "")) {
      var response = admin.postJson("/admin/event-bus/outbox/republish?from=" + from, "");

      assertThat(response.statusCode()).as(from).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body()).as(from).contains("\"field\":\"from\"");
    }
    assertThat(admin.postJson("/admin/event-bus/outbox/republish", "").statusCode()).isEqualTo(400);
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", "*"))
                .postJson("/admin/event-bus/outbox/republish?from=1", "")
                .statusCode())
        .isEqualTo(403);
    assertThat(outboxProcessor().isRunning()).isTrue();
    assertThat(outbox.status().published()).isEqualTo(published);

    var accepted = admin.postJson("/admin/event-bus/outbox/republish?from=" + published, "");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(outboxProcessor().isRunning()).isTrue();
  }

  @Test
  void anEventThatCannotBeMappedIsShownAndAnAdminCanSkipItWithARecordOfWhoDid() {
    String dossier = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    TestApplication.UNMAPPABLE.add("cannot-map");
    TestHttp admin = TestHttp.onPort(port).as(TestTokens.staff("ADMIN", "*"));

    store(dossier, "before-stall", "cannot-map", "after-stall");
    store(other, "stalled-too");

    awaitApplied(dossier, "before-stall");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(outbox.status().blocked()).hasSize(1));
    var blocked = outbox.status().blocked().get(0);
    assertThat(blocked.globalIndex()).isEqualTo(globalIndexOf(dossier, "cannot-map"));
    assertThat(blocked.payloadType()).isEqualTo(Happened.class.getName());
    assertThat(blocked.error()).contains("No published form for this value");
    assertThat(meters.get("passerelle.eventbus.outbox.blocked").gauge().value()).isEqualTo(1);
    assertThat(admin.get("/admin/event-bus/outbox").body()).contains(blocked.eventId());
    // the outbox keeps the store's order: nothing after the blocked event goes out
    assertThat(applied(dossier)).containsExactly("before-stall");
    assertThat(applied(other)).isEmpty();
    assertThat(outbox.status().lag()).isGreaterThanOrEqualTo(3);

    String skip = "/admin/event-bus/outbox/blocked/" + blocked.eventId() + "/skip";
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("ANALYST", "*"))
                .postJson(skip, "")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            admin.postJson("/admin/event-bus/outbox/blocked/no-such-event/skip", "").statusCode())
        .isEqualTo(404);
    var skipped = admin.postJson(skip, "");

    assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
    awaitApplied(dossier, "before-stall", "after-stall");
    awaitApplied(other, "stalled-too");
    assertThat(outbox.status().blocked()).isEmpty();
    assertThat(meters.get("passerelle.eventbus.outbox.blocked").gauge().value()).isZero();
    assertThat(outbox.skipped())
        .filteredOn(s -> s.eventId().equals(blocked.eventId()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.skippedBy()).isEqualTo("admin-user");
              assertThat(s.globalIndex()).isEqualTo(blocked.globalIndex());
              assertThat(s.error()).contains("No published form for this value");
            });
    assertThat(admin.get("/admin/event-bus/outbox/skipped").body())
        .contains(blocked.eventId(), "\"skippedBy\":\"admin-user\"");
  }

  @Test
  void theRequestThatCausedAnEventTravelsWithItToTheConsumer() {
    String dossier = UUID.randomUUID().toString();
    String requestId = "req-" + UUID.randomUUID();
    Span request = tracer.nextSpan().name("request").start();

    Correlation.enter(requestId);
    try (var ignored = tracer.withSpan(request)) {
      commands.sendAndWait(new TestApplication.Shout(dossier, "traced"));
    } finally {
      request.end();
      Correlation.leave();
    }
    String traceId = request.context().traceId();

    awaitApplied(dossier, "traced");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT request_id || ' ' || trace_id FROM traced WHERE value = 'traced'",
                            String.class))
                    .containsExactly(requestId + " " + traceId));
    assertThat(
            jdbc.queryForObject(
                "SELECT request_id || ' ' || trace_id FROM applied WHERE dossier_id = ?",
                String.class,
                dossier))
        .isEqualTo(requestId + " " + traceId);
    try (var topic = new TopicReader(TestApplication.TOPIC)) {
      var record =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> topic.readAll().stream().filter(r -> dossier.equals(r.key())).findFirst(),
                  java.util.Optional::isPresent)
              .orElseThrow();
      assertThat(header(record, "x-request-id")).isEqualTo(requestId);
      assertThat(header(record, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }
  }

  /**
   * One trace from the request to the consumer: the command's handling is a child of the request's
   * span; the tracking processor's handling of the event and the outbox's a child of the command's;
   * the record's publication a child of the outbox's; its consumption a child of the publication,
   * though it happens in another thread after a trip through Kafka.
   */
  @Test
  void theSpansOfARequestMakeOneTreeFromTheCommandToTheConsumer() {
    String dossier = UUID.randomUUID().toString();
    Span request = tracer.nextSpan().name("request").start();
    try (var ignored = tracer.withSpan(request)) {
      commands.sendAndWait(new TestApplication.Shout(dossier, "one-tree"));
    } finally {
      request.end();
    }
    String traceId = request.context().traceId();
    awaitApplied(dossier, "one-tree");

    List<SpanData> trace =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> spans.ofTrace(traceId),
                found ->
                    found.stream().anyMatch(s -> s.getName().startsWith(TestApplication.CONSUMER)));
    SpanData root = named(trace, "request");
    SpanData command = named(trace, "command Shout");
    SpanData traced = named(trace, "traced Happened");
    SpanData outbox = named(trace, OutboxPublisher.PROCESSING_GROUP + " Happened");
    SpanData publish = named(trace, "publish " + TestApplication.TYPE);
    SpanData consume = named(trace, TestApplication.CONSUMER + " " + TestApplication.TYPE);
    assertThat(command.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(traced.getParentSpanId()).isEqualTo(command.getSpanId());
    assertThat(outbox.getParentSpanId()).isEqualTo(command.getSpanId());
    assertThat(publish.getParentSpanId()).isEqualTo(outbox.getSpanId());
    assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(consume.getParentSpanId()).isEqualTo(publish.getSpanId());
    assertThat(consume.getKind()).isEqualTo(SpanKind.CONSUMER);
    // names and attributes say what was done, never with what: the value is not in the trace
    assertThat(trace.toString()).doesNotContain("one-tree");
  }

  /**
   * An event published in a request outside any command (an access log entry) stays in the
   * request's trace, to its consumer.
   */
  @Test
  void anEventPublishedOutsideACommandStaysInTheRequestsTrace() {
    String dossier = UUID.randomUUID().toString();
    Span request = tracer.nextSpan().name("request").start();
    try (var ignored = tracer.withSpan(request)) {
      events.publish(new Happened(dossier, "published"));
    } finally {
      request.end();
    }

    awaitApplied(dossier, "published");
    assertThat(
            jdbc.queryForObject(
                "SELECT trace_id FROM applied WHERE dossier_id = ?", String.class, dossier))
        .isEqualTo(request.context().traceId());
  }

  /**
   * Without a collector named, nothing is exported: no OTLP span exporter (only the test's own), no
   * OTLP meter registry pushing metrics to a default address.
   */
  @Test
  void nothingIsExportedWithoutACollector() {
    assertThat(context.getBeansOfType(SpanExporter.class).values())
        .singleElement()
        .isInstanceOf(RecordedSpans.class);
    List<MeterRegistry> registries =
        meters instanceof CompositeMeterRegistry composite
            ? List.copyOf(composite.getRegistries())
            : List.of(meters);
    assertThat(registries)
        .extracting(registry -> registry.getClass().getName())
        .noneMatch(name -> name.contains("otlp"));
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> found = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(found).as("the spans named %s among %s", name, spans).hasSize(1);
    return found.get(0);
  }

  @Test
  void aPoisonEventIsDeadLetteredItsDossierParkedAndOthersFlow() {
    String poisoned = UUID.randomUUID().toString();
    String healthy = UUID.randomUUID().toString();
    TestApplication.POISON.add("bad");

    store(poisoned, "ok", "bad", "later-1", "later-2");
    store(healthy, "x", "y");

    awaitApplied(healthy, "x", "y");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lettersOf(poisoned))
                    .extracting(DeadLetter::status)
                    .containsExactly(DeadLetter.FAILED, DeadLetter.PARKED, DeadLetter.PARKED));
    assertThat(applied(poisoned)).containsExactly("ok");
    DeadLetter failed = lettersOf(poisoned).get(0);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.error()).contains("cannot apply bad");

    var stillFailing = operations.retry(failed.id());
    assertThat(stillFailing.applied()).isFalse();
    assertThat(applied(poisoned)).containsExactly("ok");

    TestApplication.POISON.clear();
    var fixed = operations.retry(failed.id());

    assertThat(fixed.applied()).isTrue();
    assertThat(fixed.released()).isEqualTo(2);
    assertThat(applied(poisoned)).containsExactly("ok", "bad", "later-1", "later-2");
    assertThat(lettersOf(poisoned)).isEmpty();
  }

  @Test
  void aParkedLetterCannotBeAppliedBeforeTheFailedOneOfItsDossier() {
    String dossier = UUID.randomUUID().toString();
    TestApplication.POISON.add("first-of-order");
    store(dossier, "first-of-order", "second-of-order");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lettersOf(dossier))
                    .extracting(DeadLetter::status)
                    .containsExactly(DeadLetter.FAILED, DeadLetter.PARKED));
    DeadLetter failed = lettersOf(dossier).get(0);
    DeadLetter parked = lettersOf(dossier).get(1);
    TestHttp admin = TestHttp.onPort(port).as(TestTokens.staff("ADMIN", "*"));

    var refused = admin.postJson("/admin/event-bus/dead-letters/" + parked.id() + "/retry", "");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("\"oldest\":" + failed.id());
    assertThat(applied(dossier)).isEmpty();
    assertThat(lettersOf(dossier))
        .extracting(DeadLetter::id)
        .containsExactly(failed.id(), parked.id());

    // discarding the parked one leaves the failed one blocking, and applies nothing
    var discarded = operations.discard(parked.id());
    assertThat(discarded.released()).isZero();
    assertThat(applied(dossier)).isEmpty();
    assertThat(lettersOf(dossier)).extracting(DeadLetter::id).containsExactly(failed.id());

    TestApplication.POISON.clear();
    assertThat(operations.retry(failed.id()).applied()).isTrue();
    assertThat(applied(dossier)).containsExactly("first-of-order");
  }

  @Test
  void aDiscardedLetterReleasesTheEventsParkedBehindIt() {
    String dossier = UUID.randomUUID().toString();
    TestApplication.POISON.add("discard-me");

    store(dossier, "discard-me", "kept");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(lettersOf(dossier)).hasSize(2));

    var result = operations.discard(lettersOf(dossier).get(0).id());

    assertThat(result.released()).isEqualTo(1);
    assertThat(applied(dossier)).containsExactly("kept");
  }

  private static String header(
      org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
    return new String(
        record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private TrackingEventProcessor outboxProcessor() {
    return processing
        .eventProcessor(OutboxPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow();
  }

  /** The global index of a stored event, as the operator reads it in the event store. */
  private long globalIndexOf(String dossier, String value) {
    return jdbc.queryForObject(
        "SELECT global_index FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?",
        Long.class,
        "%\"" + dossier + "\"%\"" + value + "\"%");
  }

  private double duplicates() {
    var counter =
        meters
            .find("passerelle.eventbus.consumed")
            .tag("consumer", TestApplication.CONSUMER)
            .tag("outcome", "duplicate")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private void store(String dossier, String... values) {
    for (String value : values) {
      eventStore.publish(GenericEventMessage.asEventMessage(new Happened(dossier, value)));
    }
  }

  private void awaitApplied(String dossier, String... values) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(applied(dossier)).containsExactly(values));
  }

  private List<String> applied(String dossier) {
    return jdbc.queryForList(
        "SELECT value FROM applied WHERE dossier_id = ? ORDER BY id", String.class, dossier);
  }

  private List<DeadLetter> lettersOf(String dossier) {
    return deadLetters.list(TestApplication.CONSUMER, null).stream()
        .filter(letter -> letter.subject().equals(dossier))
        .toList();
  }
}
