package fr.passerelle.fuzz;

import static org.awaitility.Awaitility.await;

import fr.passerelle.edge.Problems;
import fr.passerelle.edge.route.Route;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.route.ServiceName;
import fr.passerelle.localplatform.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input on every route of the edge's table ({@link Routes}), against the platform started
 * as the acceptance tests start it: bodies drawn from each service's OpenAPI document, valid or
 * with one thing wrong, hostile values of every kind, raw bytes that are not JSON, odd content
 * types, path variables and query parameters valid or not, the token of every role, of another
 * département, a forged one, none.
 *
 * <p>Every answer must be below 500 and free of stack traces, every 4xx a problem ({@code
 * application/problem+json}) with the platform's French title for its status, and a refused write
 * must leave every database as it was: after the run the platform holds what the accepted requests
 * alone wrote. The figures are printed at the end (and written to {@code target/fuzz-report.txt});
 * the findings make the run fail.
 *
 * <p>Requests: {@code -Dfuzz.requests=N} (the pom's short form by default; the full form is
 * documented in the README).
 */
class FuzzIT {

  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "(\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(|\\b(java|jdk|javax|jakarta|org\\.springframework"
              + "|org\\.axonframework|org\\.postgresql|tools\\.jackson|fr\\.passerelle)\\.[\\w.$]*"
              + "(Exception|Error)\\b|Caused by:)");

  private static final Duration SETTLE_WINDOW = Duration.ofMillis(1500);

  private static LocalPlatform platform;
  private static Gateway gateway;
  private static World world;
  private static JsonValues values;
  private static PlatformState state;
  private static final Map<Route, ApiDocument.Operation> operations = new HashMap<>();
  private static final Tally tally = new Tally();
  private static Map<String, Long> baseline;

  @BeforeContainer
  static void startPlatformAndEnterItsData() {
    // The acceptance tests' ports (the defaults shifted by 10000, and by
    // PASSERELLE_TEST_PORT_OFFSET more): the two do not run at the same time in one checkout.
    platform = LocalPlatform.fromSystemProperties(10000);
    platform.start();
    gateway = new Gateway(platform.gateway(""));
    Map<ServiceName, JsonNode> documents = new EnumMap<>(ServiceName.class);
    for (ServiceName service : ServiceName.values()) {
      Gateway.Answer document =
          gateway.send("GET", ApiDocument.documentPath(service), null, null, null);
      if (document.status() != 200) {
        throw new IllegalStateException(
            "no OpenAPI document for " + service + ": " + document.status());
      }
      documents.put(service, gateway.json().readTree(document.body()));
    }
    ApiDocument api = new ApiDocument(documents);
    for (Route route : Routes.all()) {
      operations.put(route, api.operation(route));
    }
    world = World.enter(gateway);
    values = new JsonValues(world::ids, world.today);
    state = new PlatformState(platform);
    baseline = settled();
    tally.begin();
  }

  @AfterContainer
  static void reportAndStop() throws Exception {
    try {
      String report = tally.report();
      System.out.println(report);
      Path file = Path.of("target", "fuzz-report.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report, StandardCharsets.UTF_8);
      if (!tally.clean()) {
        throw new AssertionError("the fuzzer found faults:\n" + report);
      }
    } finally {
      if (state != null) {
        state.close();
      }
      if (platform != null) {
        platform.stop();
      }
    }
  }

  @Property(shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
  void noRequestBreaksThePlatform(@ForAll("requests") FuzzRequest request) {
    tally.sent(request);
    Gateway.Answer response;
    try {
      response =
          gateway.send(
              request.method(),
              request.pathAndQuery(),
              request.token(),
              request.contentType(),
              request.body());
    } catch (RuntimeException e) {
      tally.unanswered(request, e);
      return;
    }
    int status = response.status();
    String body = response.body();
    tally.answered(status);
    if (status >= 500) {
      tally.serverError(request, status, body);
    }
    if (STACK_TRACE.matcher(body).find()) {
      tally.stackTrace(request, status, body);
    }
    if (status >= 400 && status < 500) {
      checkProblem(request, response, status, body);
    }
    if (request.mutating()) {
      if (status >= 200 && status < 300) {
        tally.acceptedWrite();
        baseline = settled();
      } else {
        Map<String, Long> after = state.snapshot();
        Map<String, String> changes = PlatformState.difference(baseline, after);
        if (!changes.isEmpty()) {
          tally.refusedWrite(request, status, changes);
          baseline = settled();
        }
      }
    }
  }

  private static void checkProblem(
      FuzzRequest request, Gateway.Answer response, int status, String body) {
    String type = response.contentType();
    if (!type.startsWith("application/problem+json")) {
      tally.problemWithoutBody(request, status, "Content-Type '" + type + "'");
      return;
    }
    JsonNode problem;
    try {
      problem = gateway.json().readTree(body);
    } catch (RuntimeException e) {
      tally.problemWithoutBody(request, status, "not JSON");
      return;
    }
    String expected = Problems.title(HttpStatus.valueOf(status));
    if (!expected.equals(problem.path("title").asString(""))) {
      tally.problemWithoutBody(
          request, status, "title '" + problem.path("title").asString("") + "'");
    }
    if (problem.path("status").asInt() != status) {
      tally.problemWithoutBody(request, status, "status " + problem.path("status"));
    }
  }

  /**
   * The platform's state once the effects of the last accepted request (its events published and
   * consumed downstream) have all landed: the same counts over a whole window.
   */
  private static Map<String, Long> settled() {
    List<Map<String, Long>> last = new ArrayList<>(List.of(state.snapshot()));
    long[] stableSince = {System.nanoTime()};
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              Map<String, Long> now = state.snapshot();
              if (!now.equals(last.get(0))) {
                last.set(0, now);
                stableSince[0] = System.nanoTime();
              }
              return System.nanoTime() - stableSince[0] >= SETTLE_WINDOW.toNanos();
            });
    return last.get(0);
  }

  // ------------------------------------------------------------------------------------------
  // Generation

  /**
   * The largest generation size the requests are drawn with. jqwik sizes its generators by the
   * number of tries and builds, at every level of the generators, up to that many edge cases
   * (combinations of each generator's extremes) in memory before the first request: at 100,000
   * tries, with bodies of up to 300 KB, the heap ran out before anything was sent. The short form
   * and the 10,000 form ran at their own size; the full form draws from the same generators, at the
   * 10,000 form's size, for as many tries as it is asked.
   */
  private static final int MAX_GENERATION_SIZE = 10_000;

  @Provide
  Arbitrary<FuzzRequest> requests() {
    return RouteMix.of(
        Routes.all().stream().map(FuzzIT::requestsFor).toList(), MAX_GENERATION_SIZE);
  }

  /**
   * The requests of one route, built once: the département drawn first, the caller of that
   * département (31's for a département the world does not hold), then the rest.
   */
  private static Arbitrary<FuzzRequest> requestsFor(Route route) {
    ApiDocument.Operation operation = operations.get(route);
    Arbitrary<String> departement =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just("31")),
            Tuple.of(2, Arbitraries.just("2A")),
            Tuple.of(1, Arbitraries.of("75", "976", "2a")),
            Tuple.of(1, Requests.hostileSegment()));
    Arbitrary<Requests.Caller> in31 = Requests.caller(route, "31", world, gateway);
    Arbitrary<Requests.Caller> in2A = Requests.caller(route, "2A", world, gateway);
    return Combinators.combine(
            departement,
            in31,
            in2A,
            Requests.path(route, world),
            Requests.query(operation, values),
            Requests.body(operation, values, gateway.json()),
            Requests.method(route))
        .as(
            (d, caller31, caller2A, path, query, body, method) -> {
              Requests.Caller caller = d.equals("2A") ? caller2A : caller31;
              return new FuzzRequest(
                  route,
                  method,
                  path.value().replace("{" + Route.DEPARTMENT_VARIABLE + "}", d) + query.value(),
                  caller.name(),
                  caller.token(),
                  body.contentType(),
                  body.bytes(),
                  String.join(
                      ", ",
                      List.of(
                          caller.name(), path.variation(), query.variation(), body.variation())));
            });
  }
}
