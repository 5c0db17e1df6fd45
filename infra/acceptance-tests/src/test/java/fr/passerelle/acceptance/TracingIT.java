package fr.passerelle.acceptance;

import static fr.passerelle.acceptance.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.acceptance.TraceCollector.Received;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from the gateway to the reporting consumer (ADR 43). The platform exports its spans by
 * OTLP to the collector of the test run ({@link SharedPlatform}), named the way an operator names
 * one ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). An association submits a dossier through the gateway,
 * as part of a trace its client started: the gateway's spans, dossier-service's (the HTTP call, the
 * command, the outbox's handling of the event and the record it publishes) and reporting-service's
 * (the consumption of that record into its projection) all belong to that trace and make one tree,
 * the path from the projection's span up to the client's passing through each of them; the three
 * processes' log lines about the submission name the trace; and no span carries the person's data
 * (nor any span of the other classes, which the collector receives too).
 */
@ExtendWith(SharedPlatform.class)
class TracingIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final String SUBMITTED = "passerelle.dossier.dossier-submitted.v1";

  private static final Platform platform = SharedPlatform.platform();
  private static final TraceCollector collector = SharedPlatform.collector();
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final SecureRandom random = new SecureRandom();

  @Test
  void aSubmissionIsOneTraceFromTheGatewayToTheReportingConsumer() throws IOException {
    String dep = "35";
    String base = "/api/departements/" + dep;
    String prefecture = token("prefecture-" + dep, null);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
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
                    Drafts.aDossier(associationId, "Tracemontel", today, List.of("HOUSING")),
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

    // no span says who a dossier is about; only traces are sent to the collector
    assertThat(collector.everything()).doesNotContain("Personne", "Tracemontel", "1995-03-02");
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
}
