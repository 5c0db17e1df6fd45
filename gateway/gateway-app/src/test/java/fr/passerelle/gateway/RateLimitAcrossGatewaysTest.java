package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Two gateways in front of the same services, as {@code passerelle up --instances 2} starts them: a
 * caller who spreads its calls over both is held to the platform's limit in total, one who keeps to
 * one gateway to that gateway's half (ADR 45).
 */
class RateLimitAcrossGatewaysTest {

  private static final int LIMIT = 300;
  private static final String REPORT = "/api/departements/31/reports/dossiers";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

  @BeforeAll
  static void startTwoGateways() {
    for (int i = 0; i < 2; i++) {
      gateways.add(
          new SpringApplicationBuilder(GatewayApplication.class)
              .initializers(
                  context ->
                      context
                          .getEnvironment()
                          .getPropertySources()
                          .addFirst(new MapPropertySource("two-gateways", properties())))
              .run());
    }
  }

  @AfterAll
  static void stopGateways() {
    gateways.forEach(ConfigurableApplicationContext::close);
  }

  /** Over application.yml, as the launcher's environment is. */
  private static Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", 0);
    StubServices.ports()
        .forEach(
            (service, port) ->
                properties.put(
                    service.toUpperCase(Locale.ROOT) + "_SERVICE_URL", "http://127.0.0.1:" + port));
    properties.put("passerelle.security.jwt.issuer", TestTokens.ISSUER);
    properties.put(
        "passerelle.security.jwt.public-key", TestTokens.publicKeyPem().toUri().toString());
    String prefix = "passerelle.gateway.rate-limit.";
    properties.put(prefix + "gateways", 2);
    for (String kind : List.of("caller", "address")) {
      int capacity = kind.equals("caller") ? LIMIT : 100_000;
      properties.put(prefix + kind + ".capacity", capacity);
      properties.put(prefix + kind + ".refill-tokens", capacity);
      properties.put(prefix + kind + ".refill-period", "1m");
      properties.put(prefix + kind + ".refill-intervally", true);
    }
    return properties;
  }

  @Test
  void aCallerSpreadOverBothGatewaysIsHeldToTheLimitInTotal() throws Exception {
    String token = TestTokens.token("analyst-spread", List.of("PREFECTURE"), List.of("31"));
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 2 * LIMIT; i++) {
      int status = get(gateways.get(i % 2), token).statusCode();
      if (status == 200) {
        accepted++;
      } else if (status == 429) {
        refused++;
      }
    }

    assertThat(accepted).isEqualTo(LIMIT);
    assertThat(refused).isEqualTo(LIMIT);
  }

  @Test
  void aCallerKeptToOneGatewayGetsItsShare() throws Exception {
    String token = TestTokens.token("analyst-one", List.of("PREFECTURE"), List.of("31"));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      statuses.add(get(gateways.get(0), token).statusCode());
    }

    assertThat(statuses.subList(0, LIMIT / 2)).containsOnly(200);
    assertThat(statuses.subList(LIMIT / 2, LIMIT)).containsOnly(429);
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext gateway, String token)
      throws Exception {
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + REPORT))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
