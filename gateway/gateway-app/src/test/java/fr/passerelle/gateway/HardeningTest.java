package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.dev.DevIssuer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Closed CORS, security headers, problem errors, only the safe actuator endpoints (metrics for
 * ADMIN and MONITORING), no dev issuer.
 */
class HardeningTest extends GatewayTest {

  @Autowired ApplicationContext context;

  @Test
  void aPreflightFromAnotherOriginIsNotAllowed() throws Exception {
    var preflight =
        send(
            "OPTIONS",
            "/api/departements/31/dossiers",
            null,
            Map.of(
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization"));
    var simple =
        send(
            "GET",
            "/api/departements/31/reports/dossiers",
            token("ADMIN", "*"),
            Map.of("Origin", "https://evil.example"));

    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void apiResponsesCarryTheSecurityHeaders() throws Exception {
    var allowed = send("GET", "/api/departements/31/reports/dossiers", token("SECRETARIAT", "31"));
    var refused = send("GET", "/api/departements/31/reports/dossiers", null);

    for (var response : List.of(allowed, refused)) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Cache-Control"))
          .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }
  }

  /**
   * The firewall's refusals (matrix parameters, encoded dots, characters a query may not hold
   * unencoded, which the services' servers would answer with a page of their own) are problems.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/departements/31;a=b/reports/dossiers",
    "/api/reports/national;jsessionid=1",
    "/api/departements/31/dossiers/%2e%2e/submission",
    "/api/departements/31/reports/dossiers?a[b]=c",
    "/api/reports/national?year=[2026]"
  })
  void requestsTheFirewallRefusesAreProblems(String path) throws Exception {
    var refused = send("GET", path, token("ADMIN", "*"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"title\":\"Requête invalide\"");
  }

  /** The query's check reads a query of thousands of characters as well as a short one. */
  @Test
  void aLongQueryIsCheckedAndRelayed() throws Exception {
    var relayed =
        send("GET", "/api/reports/national?from=" + "%5B".repeat(1_300), token("ADMIN", "*"));
    var refused =
        send("GET", "/api/reports/national?from=" + "%5B".repeat(1_300) + "[", token("ADMIN", "*"));

    assertThat(relayed.statusCode()).isEqualTo(200);
    assertThat(refused.statusCode()).isEqualTo(400);
  }

  @Test
  void errorsAreProblemsWithoutInternals() throws Exception {
    var notFound = send("GET", "/swagger-ui/nothing-here.js", null);
    var fallback = send("GET", "/fallback/dossier-service", token("ADMIN", "*"));

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(notFound.body()).doesNotContain("trace", "exception", "Exception");
    assertThat(fallback.statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /nothing/here",
    "GET, /api/unknown",
    "POST, /api/reports/national",
    "GET, /api/departements/31",
    "GET, /actuatorx",
    "DELETE, /v3/api-docs-but-not-quite"
  })
  void aPathOutsideTheRouteTableIsDeniedWhoeverAsks(String method, String path) throws Exception {
    int before = StubServices.RECEIVED.size();

    var response = send(method, path, token("ADMIN", "*"));

    // refused as what it is for the caller: nothing here
    AccessMatrixTest.assertProblem(
        response, 404, "Ressource introuvable", "urn:passerelle:probleme:ressource-introuvable");
    assertThat(StubServices.RECEIVED).hasSize(before);
  }

  @Test
  void pathsThatTryToLeaveTheirDepartementAreRejected() throws Exception {
    int before = StubServices.RECEIVED.size();
    String secretariat = token("SECRETARIAT", "31");

    var dotDot = send("GET", "/api/departements/31/reports/../../75/access-log", secretariat);
    var encodedSlash = send("GET", "/api/departements/31/reports/..%2F..%2F75", secretariat);

    assertThat(dotDot.statusCode()).isIn(400, 403);
    assertThat(encodedSlash.statusCode()).isIn(400, 403);
    assertThat(StubServices.RECEIVED).hasSize(before);
  }

  @Test
  void onlySafeActuatorEndpointsAreExposed() throws Exception {
    String admin = token("ADMIN", "*");

    assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/actuator/env", admin).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/actuator/gateway/routes", admin).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live"})
  void metricsAreForAdminAndMonitoringOnly(String path) throws Exception {
    assertThat(send("GET", path, token("ADMIN", "*")).statusCode()).isEqualTo(200);
    assertThat(send("GET", path, token("MONITORING")).statusCode()).isEqualTo(200);
    for (String role : List.of("ANALYST", "AUDITOR", "SECRETARIAT", "ASSOCIATION")) {
      AccessMatrixTest.assertProblem(
          send("GET", path, token(role, "*")),
          403,
          "Accès refusé",
          "urn:passerelle:probleme:acces-refuse");
    }
    assertThat(send("GET", path, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aScraperReadsMetricsAndNothingElse() throws Exception {
    String monitoring = token("MONITORING");

    assertThat(send("GET", "/actuator/info", monitoring).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/departements/31/reports/dossiers", monitoring).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/api/reports/national", monitoring).statusCode()).isEqualTo(403);
  }

  @Test
  void theDevIssuerDoesNotExistOutsideTheDevProfile() throws Exception {
    assertThat(context.getBeanNamesForType(DevIssuer.class)).isEmpty();
    assertThat(send("POST", "/dev/tokens?user=admin", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/dev/jwks.json", null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/dev/tokens?user=admin", token("ADMIN", "*")).statusCode())
        .isEqualTo(404);
  }
}
