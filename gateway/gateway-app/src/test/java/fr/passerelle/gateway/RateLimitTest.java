package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two limits, each over it a 429 problem with Retry-After: by client address before any token is
 * checked (spent by the requests that do not authenticate), then by caller once authenticated. Each
 * test speaks from a loopback address of its own, a client address nobody else uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTest {

  private static final int PER_ADDRESS = 100;
  private static final String REPORT = "/api/departements/31/reports/dossiers";
  private static final Duration NO_ANSWER = Duration.ofSeconds(10);

  /** Tokens the gateway has checked (signature and claims). */
  private static final AtomicInteger DECODED = new AtomicInteger();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    GatewayTest.servicesAndTokens(registry);
    GatewayTest.rateLimits(registry, PER_ADDRESS);
  }

  @TestConfiguration
  static class CountingDecoder {
    @Bean
    static BeanPostProcessor countDecodedTokens() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof ReactiveJwtDecoder decoder) {
            return (ReactiveJwtDecoder)
                token -> {
                  DECODED.incrementAndGet();
                  return decoder.decode(token);
                };
          }
          return bean;
        }
      };
    }
  }

  @Test
  void badTokensAreRefusedByAddressBeforeTheirSignatureIsChecked() throws Exception {
    String forged = TestTokens.signedByAnotherKey("SECRETARIAT", "31");
    List<RawHttpConnection.Response> answers = new ArrayList<>();
    int decodedBefore;
    try (var attacker = new RawHttpConnection("127.0.0.21", port, NO_ANSWER)) {
      for (int i = 0; i < PER_ADDRESS; i++) {
        answers.add(send(attacker, RawHttpConnection.get(REPORT, forged)));
      }
      decodedBefore = DECODED.get();
      for (int i = PER_ADDRESS; i < 300; i++) {
        answers.add(send(attacker, RawHttpConnection.get(REPORT, forged)));
      }
    }

    assertThat(answers.subList(0, PER_ADDRESS))
        .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
    assertThat(answers.subList(PER_ADDRESS, 300))
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(429);
              assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
              assertThat(answer.body()).contains("\"title\":\"Trop de requêtes\"");
              assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
            });
    assertThat(DECODED.get()).as("tokens checked after the limit").isEqualTo(decodedBefore);
    try (var neighbour = new RawHttpConnection("127.0.0.22", port, NO_ANSWER)) {
      assertThat(send(neighbour, RawHttpConnection.get(REPORT, forged)).status()).isEqualTo(401);
    }
  }

  @Test
  void callersWithValidTokensDoNotSpendTheirAddressBudget() throws Exception {
    try (var proxy = new RawHttpConnection("127.0.0.23", port, NO_ANSWER)) {
      for (int i = 0; i < 2 * PER_ADDRESS; i++) {
        String caller = GatewayTest.token("SECRETARIAT", "31");
        assertThat(send(proxy, RawHttpConnection.get(REPORT, caller)).status()).isEqualTo(200);
      }

      assertThat(send(proxy, RawHttpConnection.get(REPORT, null)).status()).isEqualTo(401);
    }
  }

  @Test
  void aCallerOverTheLimitGetsTooManyRequestsWithRetryAfter() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String greedy = GatewayTest.token("SECRETARIAT", "31");
    for (int i = 0; i < GatewayTest.RATE_LIMIT_CAPACITY; i++) {
      assertThat(get(http, greedy).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = get(http, greedy);

    AccessMatrixTest.assertProblem(
        refused, 429, "Trop de requêtes", "urn:passerelle:probleme:trop-de-requetes");
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
    assertThat(get(http, GatewayTest.token("SECRETARIAT", "31")).statusCode()).isEqualTo(200);
  }

  private static RawHttpConnection.Response send(RawHttpConnection connection, String request)
      throws Exception {
    connection.write(request);
    RawHttpConnection.Response response = connection.read();
    assertThat(response).as("answer").isNotNull();
    return response;
  }

  private HttpResponse<String> get(HttpClient http, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + REPORT))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
