package fr.passerelle.acceptance;

import static fr.passerelle.acceptance.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from the gateway to the reporting consumer (ADR 43). The platform exports its spans by
 * OTLP to a collector this test runs, named the way an operator names one ({@code
 * OTEL_EXPORTER_OTLP_ENDPOINT}). An association submits a dossier through the gateway, as part of a
 * trace its client started: the gateway's spans, dossier-service's (the HTTP call, the command, the
 * outbox's handling of the event and the record it publishes) and reporting-service's (the
 * consumption of that record into its projection) all belong to that trace and make one tree, the
 * path from the projection's span up to the client's passing through each of them; the three
 * processes' log lines about the submission name the trace; and no span carries the person's data.
 */
class TracingIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final String SUBMITTED = "passerelle.dossier.dossier-submitted.v1";

  private static final Platform platform = Platform.fromSystemProperties();
  private static final Collector collector = new Collector();
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final SecureRandom random = new SecureRandom();

  @BeforeAll
  static void startPlatform() {
    collector.start();
    platform.setEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", collector.url());
    // spans leave every 200 ms instead of every 5 s, for a test that waits for them
    platform.setEnvironment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
    // a line per event published and applied, and per request at the gateway
    platform.setEnvironment("LOGGING_LEVEL_FR_PASSERELLE_EVENTBUS", "DEBUG");
    platform.setEnvironment("LOGGING_LEVEL_FR_PASSERELLE_GATEWAY_CORRELATION", "DEBUG");
    platform.start();
  }

  @AfterAll
  static void stopPlatform() {
    try {
      platform.stop();
    } finally {
      collector.stop();
    }
  }

  @Test
  void aSubmissionIsOneTraceFromTheGatewayToTheReportingConsumer() throws IOException {
    String dep = "33";
    String base = "/api/departements/" + dep;
    String prefecture = token("prefecture-" + dep, null);
    LocalDate today = LocalDate.now();
    String associationId =
        ok(
                post(
                    base + "/associations",
                    Map.of(
                        "name", "Association " + dep,
                        "approvedFrom", today.minusYears(1).toString(),
                        "approvedUntil", today.plusYears(1).toString()),
                    prefecture,
                    null),
                201)
            .path("associationId")
            .asString();
    String association = token("association-" + dep, associationId);
    String dossierId =
        ok(
                post(
                    base + "/dossiers",
                    Drafts.aDossier(associationId, "Gironde", today, List.of("HOUSING")),
                    association,
                    null),
                201)
            .path("dossierId")
            .asString();

    String traceId = hex(16);
    String clientSpanId = hex(8);
    ok(
        post(
            base + "/dossiers/" + dossierId + "/submission",
            Map.of("submittedOn", today.toString()),
            association,
            "00-" + traceId + "-" + clientSpanId + "-01"),
        200);

    // the processes export their spans in batches of their own: the tree is whole once all have
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertOneTree(collector.ofTrace(traceId), clientSpanId));

    // no span says who the dossier is about; only traces are sent to the collector
    assertThat(collector.everything()).doesNotContain("Personne", "Gironde", "1995-03-02");
    assertThat(collector.unexpected()).isEmpty();

    // the log lines of the three processes about the submission name its trace
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(linesOf("gateway", traceId)).isNotEmpty();
              assertThat(linesOf("dossier", traceId))
                  .anySatisfy(line -> assertThat(line).contains("Publishing event", dossierId));
              assertThat(linesOf("reporting", traceId))
                  .anySatisfy(
                      line ->
                          assertThat(line).contains("submitted-dossiers applies event", dossierId));
            });
  }

  /**
   * The spans of the trace make one tree: the client's span is the only parent from outside the
   * trace, of the gateway's; and the path from the reporting projection's span up to the client's
   * passes through the publication, the command, dossier-service's HTTP call and the gateway's.
   */
  private static void assertOneTree(List<Received> trace, String clientSpanId) {
    Map<String, Received> byId =
        trace.stream().collect(Collectors.toMap(Received::spanId, span -> span, (a, b) -> a));
    Received projection =
        trace.stream()
            .filter(
                span ->
                    span.service().equals("reporting-service")
                        && span.name().equals("submitted-dossiers " + SUBMITTED))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no projection span yet in " + trace));
    assertThat(trace)
        .allSatisfy(
            span ->
                assertThat(
                        span.parentSpanId().equals(clientSpanId)
                            || byId.containsKey(span.parentSpanId()))
                    .as("the parent of %s is in the trace", span)
                    .isTrue());
    assertThat(trace.stream().filter(span -> span.parentSpanId().equals(clientSpanId)))
        .singleElement()
        .satisfies(
            root -> {
              assertThat(root.service()).isEqualTo("gateway");
              assertThat(root.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
            });
    List<Received> path = new ArrayList<>();
    for (Received span = projection; span != null; span = byId.get(span.parentSpanId())) {
      path.add(span);
    }
    assertThat(path.get(0).kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
    assertThat(path)
        .extracting(span -> span.service() + " " + span.kind())
        .containsSubsequence(
            "reporting-service SPAN_KIND_CONSUMER",
            "dossier-service SPAN_KIND_PRODUCER",
            "dossier-service SPAN_KIND_INTERNAL",
            "dossier-service SPAN_KIND_SERVER",
            "gateway SPAN_KIND_CLIENT",
            "gateway SPAN_KIND_SERVER");
    assertThat(path)
        .extracting(Received::name)
        .contains("publish " + SUBMITTED, "command SubmitDossierCommand");
    assertThat(path.get(path.size() - 1).parentSpanId()).isEqualTo(clientSpanId);
  }

  /** The lines of a process's log that name trace {@code traceId}. */
  private static List<String> linesOf(String process, String traceId) throws IOException {
    Path log = platform.runDirectory().resolve("logs").resolve(process + ".log");
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains("[" + traceId + " ")).toList();
    }
  }

  private static String hex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    value[0] |= 1; // never all zeros
    return HexFormat.of().formatHex(value);
  }

  private static JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(status);
    return json.readTree(response.body());
  }

  /** A token of the gateway's dev issuer for a demo user, as a team member would sign in. */
  private static String token(String user, String associationId) {
    String query = "user=" + user + (associationId == null ? "" : "&association=" + associationId);
    return ok(
            send(
                HttpRequest.newBuilder(platform.gateway("/dev/tokens?" + query))
                    .timeout(REQUEST_TIMEOUT)
                    .POST(BodyPublishers.noBody())
                    .build()),
            200)
        .path("access_token")
        .asString();
  }

  private static HttpResponse<String> post(
      String path, Object body, String token, String traceparent) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(platform.gateway(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(BodyPublishers.ofString(json.writeValueAsString(body)));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return send(request.build());
  }

  /** A span as the collector received it. */
  record Received(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      SpanKind kind) {}

  /**
   * An OTLP/HTTP collector of traces ({@code POST /v1/traces}, protobuf), as an operator would run
   * one: it keeps what it receives, and what it received as text for the personal-data check.
   */
  static final class Collector {

    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private HttpServer server;

    void start() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/v1/traces",
          exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
              boolean gzip =
                  "gzip"
                      .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
              ExportTraceServiceRequest request =
                  ExportTraceServiceRequest.parseFrom(gzip ? new GZIPInputStream(body) : body);
              received(request);
              byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
              exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
              exchange.sendResponseHeaders(200, answer.length);
              exchange.getResponseBody().write(answer);
            } catch (IOException | RuntimeException e) {
              exchange.sendResponseHeaders(400, -1);
            } finally {
              exchange.close();
            }
          });
      // anything else sent here (metrics, logs) would be pushed without being asked for
      server.createContext(
          "/",
          exchange -> {
            unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
          });
      server.start();
    }

    private void received(ExportTraceServiceRequest request) {
      requests.add(request.toString());
      HexFormat hex = HexFormat.of();
      for (var resourceSpans : request.getResourceSpansList()) {
        String service =
            resourceSpans.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(attribute -> attribute.getValue().getStringValue())
                .findFirst()
                .orElse("?");
        for (var scopeSpans : resourceSpans.getScopeSpansList()) {
          for (var span : scopeSpans.getSpansList()) {
            spans.add(
                new Received(
                    service,
                    hex.formatHex(span.getTraceId().toByteArray()),
                    hex.formatHex(span.getSpanId().toByteArray()),
                    hex.formatHex(span.getParentSpanId().toByteArray()),
                    span.getName(),
                    span.getKind()));
          }
        }
      }
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> ofTrace(String traceId) {
      return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    String everything() {
      return String.join("\n", requests);
    }

    List<String> unexpected() {
      return unexpected;
    }

    void stop() {
      Optional.ofNullable(server).ifPresent(running -> running.stop(0));
    }
  }
}
