package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every request through the gateway gets an answer, whatever came before it on its connection:
 * several clients on keep-alive connections (as {@link HttpClient} keeps them) send a shuffled mix
 * of refused (401, 403) and allowed (200) calls, GET and POST with bodies, tokens minted by the dev
 * issuer, while busy threads keep the CPU loaded. Prints its figures (count, latency percentiles,
 * the slowest requests); fails on any request left unanswered or any unexpected status. How fast
 * the answers come is a figure, not a verdict (ADR 10): a stall of the shared machine says nothing
 * about the gateway, and the hang this test was written for left requests unanswered for good.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class GatewayUnderLoadIT {

  private static final int CLIENTS = 8;
  private static final int REQUESTS_PER_CLIENT = 1_300;
  private static final int WARM_UP_REQUESTS = 400;
  private static final int BUSY_THREADS = 2;

  /** Only a request that is never answered waits this long; it is counted as unanswered. */
  private static final Duration NO_ANSWER = Duration.ofSeconds(10);

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final String BODY =
      "{\"name\":\"" + "Commission du mardi ".repeat(100) + "\",\"date\":\"2026-03-03\"}";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    StubServices.ports()
        .forEach(
            (service, port) ->
                registry.add(
                    service.toUpperCase(Locale.ROOT) + "_SERVICE_URL",
                    () -> "http://127.0.0.1:" + port));
    // The figures are about answering, not limiting: no client reaches these.
    for (String limit : List.of("address", "caller")) {
      registry.add("passerelle.gateway.rate-limit." + limit + ".capacity", () -> 1_000_000);
      registry.add("passerelle.gateway.rate-limit." + limit + ".refill-tokens", () -> 1_000_000);
    }
  }

  /** One kind of call in the mix, and the status it must get. */
  enum Call {
    ANONYMOUS_GET(401),
    FORGED_GET(401),
    ANONYMOUS_POST(401),
    MINT_TOKEN(200),
    OTHER_DEPARTEMENT_GET(403),
    OTHER_DEPARTEMENT_POST(403),
    REPORT_GET(200),
    SESSION_POST(200);

    final int status;

    Call(int status) {
      this.status = status;
    }
  }

  @Test
  void everyRequestIsAnsweredPromptlyUnderLoad() throws Exception {
    String forged = TestTokens.signedByAnotherKey("SECRETARIAT", "31");
    // Class loading and compilation first, so that the figures are about the gateway at work.
    LoadFigures warmUp = new LoadFigures();
    client(new Random(-1), forged, warmUp, WARM_UP_REQUESTS);
    assertThat(warmUp.unexpectedAnswers()).isEmpty();

    LoadFigures figures = new LoadFigures();

    try (BusyThreads ignored = BusyThreads.start(BUSY_THREADS)) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        long seed = c;
        running.add(
            clients.submit(() -> client(new Random(seed), forged, figures, REQUESTS_PER_CLIENT)));
      }
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();
    }

    System.out.println(
        figures.report(
            String.format(
                "gateway under load: %d clients, keep-alive, %d busy threads",
                CLIENTS, BUSY_THREADS)));
    // a request left unanswered for NO_ANSWER is one of them
    assertThat(figures.unexpectedAnswers())
        .as(LoadFigures.firstOf(figures.unexpectedAnswers(), 10))
        .isEmpty();
    assertThat(figures.count()).isGreaterThanOrEqualTo(10_000);
    for (Call call : Call.values()) {
      assertThat(figures.count(call.status)).as("answers %d", call.status).isPositive();
    }
  }

  private Void client(Random random, String forged, LoadFigures figures, int requests)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = null;
    Call[] calls = Call.values();
    for (int i = 0; i < requests; i++) {
      Call call = token == null ? Call.MINT_TOKEN : calls[random.nextInt(calls.length)];
      HttpRequest request = request(call, token, forged);
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException noAnswer) {
        figures.unanswered(call + " " + request.uri().getPath());
        continue;
      }
      figures.answered(call.name(), response.statusCode(), System.nanoTime() - start);
      if (response.statusCode() != call.status) {
        figures.unexpected(call + ": " + response.statusCode() + " " + response.body());
      } else if (call == Call.MINT_TOKEN) {
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (matcher.find()) {
          token = matcher.group(1);
        }
      }
    }
    return null;
  }

  private HttpRequest request(Call call, String token, String forged) {
    return switch (call) {
      case ANONYMOUS_GET -> get("/api/departements/31/reports/dossiers", null);
      case FORGED_GET -> get("/api/departements/31/reports/dossiers", forged);
      case ANONYMOUS_POST -> post("/api/departements/31/commission/sessions", null);
      case MINT_TOKEN ->
          builder("/dev/tokens?user=secretariat-31")
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      case OTHER_DEPARTEMENT_GET -> get("/api/departements/75/reports/dossiers", token);
      case OTHER_DEPARTEMENT_POST -> post("/api/departements/75/commission/sessions", token);
      case REPORT_GET -> get("/api/departements/31/reports/dossiers", token);
      case SESSION_POST -> post("/api/departements/31/commission/sessions", token);
    };
  }

  private HttpRequest get(String path, String token) {
    HttpRequest.Builder request = builder(path).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private HttpRequest post(String path, String token) {
    HttpRequest.Builder request =
        builder(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(NO_ANSWER);
  }
}
