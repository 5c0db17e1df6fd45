package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The gateway forwards each API path to the service that owns it. The services are stood in for by
 * local HTTP servers that record the service name they were called as.
 */
class GatewayRoutingTest extends GatewayTest {

  @Test
  void dossierSubmissionsGoToDossierService() throws Exception {
    var response = send("POST", "/api/departements/31/dossiers", token("ASSOCIATION", "31"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(StubServices.lines()).contains("dossier: POST /api/departements/31/dossiers");
  }

  @Test
  void departementalReportsGoToReportingService() throws Exception {
    var response = send("GET", "/api/departements/31/reports/dossiers", token("SECRETARIAT", "31"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(StubServices.lines())
        .contains("reporting: GET /api/departements/31/reports/dossiers");
  }

  @Test
  void aDossiersHistoryAndItsVerificationGoToReportingServiceNotToDossierService()
      throws Exception {
    send("GET", "/api/departements/31/dossiers/d-1/history", token("AUDITOR", "31"));
    send("GET", "/api/departements/31/dossiers/d-1", token("AUDITOR", "31"));
    send("GET", "/api/departements/31/audit/verify", token("AUDITOR", "31"));
    send("GET", "/api/audit/verify", token("AUDITOR", "*"));

    assertThat(StubServices.lines())
        .contains(
            "reporting: GET /api/departements/31/dossiers/d-1/history",
            "dossier: GET /api/departements/31/dossiers/d-1",
            "reporting: GET /api/departements/31/audit/verify",
            "reporting: GET /api/audit/verify");
  }

  @Test
  void eachServiceReceivesItsOwnPaths() throws Exception {
    send("POST", "/api/departements/31/associations", token("PREFECTURE", "31"));
    send("POST", "/api/departements/31/commission/sessions", token("SECRETARIAT", "31"));
    send("POST", "/api/departements/31/prefecture/decisions", token("PREFECTURE", "31"));
    send("POST", "/api/departements/31/beneficiaries/d-1/employment", token("ASSOCIATION", "31"));
    send("GET", "/api/departements/31/access-log", token("AUDITOR", "31"));
    send("GET", "/api/reports/national?year=2019", token("ANALYST", "*"));

    assertThat(StubServices.lines())
        .contains(
            "dossier: POST /api/departements/31/associations",
            "reporting: GET /api/departements/31/access-log",
            "decision: POST /api/departements/31/commission/sessions",
            "decision: POST /api/departements/31/prefecture/decisions",
            "benefits: POST /api/departements/31/beneficiaries/d-1/employment",
            "reporting: GET /api/reports/national");
  }

  @Test
  void eachServicesOpenApiIsBrowsableAtTheGatewayWithoutAToken() throws Exception {
    // each service's public API and its operators' endpoints are two springdoc groups
    assertThat(send("GET", "/v3/api-docs/decision-service", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v3/api-docs/decision-service-exploitation", null).statusCode())
        .isEqualTo(200);
    assertThat(StubServices.lines())
        .contains("decision: GET /v3/api-docs/api", "decision: GET /v3/api-docs/exploitation");

    var ui =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(uri("/swagger-ui.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).containsIgnoringCase("swagger");
  }

  @Test
  void unknownPathsAreNotForwarded() throws Exception {
    int before = StubServices.RECEIVED.size();

    var response = send("GET", "/api/unknown", token("ADMIN", "*"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("trace", "Exception");
    assertThat(StubServices.RECEIVED).hasSize(before);
  }

  @Test
  void theGatewayActuatorEndpointIsClosed() throws Exception {
    assertThat(send("GET", "/actuator/gateway/routes", token("ADMIN", "*")).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }
}
