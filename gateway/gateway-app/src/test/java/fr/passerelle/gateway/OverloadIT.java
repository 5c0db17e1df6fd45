package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * More callers than a service can serve: the gateway keeps the service busy at its capacity, queues
 * a bounded excess and sheds the rest with 503 problems carrying Retry-After; the service's circuit
 * never opens, since the service never fails. A service of 4 workers taking 25 ms each (160
 * calls/s) behind a gateway that lets 8 calls at a time reach it and queues 24; 16 callers, then
 * 64. Prints the figures of each round (goodput, refusals, latency); asserts no timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverloadIT {

  private static final SlowService SERVICE = new SlowService(4, Duration.ofMillis(25));
  private static final int IN_FLIGHT = 8;
  private static final int QUEUED = 24;
  private static final int REQUESTS_PER_CALLER = 150;
  private static final String REPORT = "/api/departements/31/reports/dossiers";

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry circuitBreakers;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    GatewayTest.servicesAndTokens(registry);
    registry.add("REPORTING_SERVICE_URL", SERVICE::url);
    for (String limit : List.of("address", "caller")) {
      registry.add("passerelle.gateway.rate-limit." + limit + ".capacity", () -> 1_000_000);
      registry.add("passerelle.gateway.rate-limit." + limit + ".refill-tokens", () -> 1_000_000);
    }
    registry.add("passerelle.gateway.overload.max-in-flight", () -> IN_FLIGHT);
    registry.add("passerelle.gateway.overload.max-queued", () -> QUEUED);
    registry.add("passerelle.gateway.overload.max-wait", () -> "1s");
  }

  @AfterAll
  static void stopService() {
    SERVICE.close();
  }

  @Test
  void excessCallersAreQueuedOrShedWhileTheServiceServesAtCapacity() throws Exception {
    // A first round warms the JVM up and creates the circuit breaker; its figures are not kept.
    assertThat(round(16, 50).figures.count(200)).isEqualTo(16 * 50);
    CircuitBreaker circuit = circuitBreakers.circuitBreaker("reporting-service");
    List<CircuitBreakerOnStateTransitionEvent> transitions = new CopyOnWriteArrayList<>();
    circuit.getEventPublisher().onStateTransition(transitions::add);

    Round sixteen = round(16, REQUESTS_PER_CALLER);
    Round sixtyFour = round(64, REQUESTS_PER_CALLER);

    System.out.printf(
        "%n== overload: a service of %d workers x %d ms (%d calls/s), gateway in flight %d,"
            + " queued %d ==%n%s%n%s%ncircuit: %s, failures recorded %d, transitions %s;"
            + " service served %d, at most %d at once%n",
        SERVICE.workers(),
        25,
        SERVICE.workers() * 1000 / 25,
        IN_FLIGHT,
        QUEUED,
        sixteen.line(),
        sixtyFour.line(),
        circuit.getState(),
        circuit.getMetrics().getNumberOfFailedCalls(),
        transitions,
        SERVICE.served(),
        SERVICE.mostAtOnce());

    assertThat(transitions).as("circuit transitions").isEmpty();
    assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isZero();
    for (Round round : List.of(sixteen, sixtyFour)) {
      assertThat(round.figures.unexpectedAnswers()).isEmpty();
      assertThat(round.figures.count(200)).isPositive();
    }
    assertThat(sixteen.figures.count(503)).as("16 callers fit in flight and queue").isZero();
    assertThat(sixtyFour.figures.count(503)).as("64 callers do not").isPositive();
    assertThat(SERVICE.mostAtOnce()).as("the service worked at capacity").isEqualTo(4);
  }

  /** One round: {@code callers} each sending {@code requests} calls in a row. */
  private Round round(int callers, int requests) throws Exception {
    LoadFigures figures = new LoadFigures();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      String token = GatewayTest.token("SECRETARIAT", "31");
      running.add(
          pool.submit(
              () -> {
                HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < requests; i++) {
                  long start = System.nanoTime();
                  Answer answer = call(http, token);
                  figures.answered("GET report", answer.status, System.nanoTime() - start);
                  if (answer.status != 200 && !answer.refusedProperly()) {
                    figures.unexpected(answer.status + " " + answer.retryAfter + " " + answer.body);
                  }
                }
                return null;
              }));
    }
    for (Future<?> caller : running) {
      caller.get();
    }
    pool.shutdown();
    return new Round(callers, figures);
  }

  private Answer call(HttpClient http, String token) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + REPORT))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Retry-After").orElse(null),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  record Answer(int status, String retryAfter, String contentType, String body) {

    /** A refusal as a client can act on it: 429 or 503, a problem, and when to come back. */
    boolean refusedProperly() {
      return (status == 429 || status == 503)
          && retryAfter != null
          && Long.parseLong(retryAfter) >= 1
          && contentType.startsWith("application/problem+json");
    }
  }

  record Round(int callers, LoadFigures figures) {

    String line() {
      double seconds = figures.elapsedSeconds();
      return String.format(
          "%2d callers: %5d calls in %5.1f s, answered 200: %5d (%.0f/s), 503: %5d, 429: %d;"
              + " latency p50 %.0f ms, p99 %.0f ms, max %.0f ms",
          callers,
          figures.count(),
          seconds,
          figures.count(200),
          figures.count(200) / seconds,
          figures.count(503),
          figures.count(429),
          figures.percentileMillis(50),
          figures.percentileMillis(99),
          figures.maxMillis());
    }
  }
}
