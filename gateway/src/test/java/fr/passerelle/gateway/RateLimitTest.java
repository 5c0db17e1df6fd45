package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Each caller has its own bucket: over it, 429 problems with Retry-After; others are unaffected.
 */
class RateLimitTest extends GatewayTest {

  @Test
  void aCallerOverTheLimitGetsTooManyRequestsWithRetryAfter() throws Exception {
    String greedy = token("SECRETARIAT", "31");
    for (int i = 0; i < RATE_LIMIT_CAPACITY; i++) {
      assertThat(send("GET", "/api/unknown", greedy).statusCode()).isEqualTo(404);
    }

    HttpResponse<String> refused = send("GET", "/api/departements/31/reports/dossiers", greedy);

    AccessMatrixTest.assertProblem(
        refused, 429, "Trop de requêtes", "urn:passerelle:probleme:trop-de-requetes");
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
    assertThat(
            send("GET", "/api/departements/31/reports/dossiers", token("SECRETARIAT", "31"))
                .statusCode())
        .isEqualTo(200);
  }
}
