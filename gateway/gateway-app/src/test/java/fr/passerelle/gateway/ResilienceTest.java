package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service down or its circuit open: a 503 problem saying when to come back (Retry-After), never a
 * stack trace nor a hanging call.
 */
class ResilienceTest extends GatewayTest {

  @Autowired CircuitBreakerRegistry circuitBreakers;

  @Test
  void aStoppedServiceGivesA503Problem() throws Exception {
    StubServices.stop("benefits");
    try {
      var read = send("GET", "/api/departements/31/beneficiaries/d-1", token("PREFECTURE", "31"));
      var write =
          send(
              "POST",
              "/api/departements/31/beneficiaries/d-1/employment",
              token("ASSOCIATION", "31"));

      for (var response : List.of(read, write)) {
        AccessMatrixTest.assertProblem(
            response,
            503,
            "Service momentanément indisponible",
            "urn:passerelle:probleme:service-indisponible");
        assertThat(response.body()).doesNotContain("Exception", "trace", "127.0.0.1");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      }
    } finally {
      StubServices.restart("benefits");
    }
    assertThat(
            send("GET", "/api/departements/31/beneficiaries/d-1", token("PREFECTURE", "31"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void anOpenCircuitGivesA503ProblemWithoutCallingTheService() throws Exception {
    assertThat(
            send(
                    "GET",
                    "/api/departements/31/commission/pending-dossiers",
                    token("PREFECTURE", "31"))
                .statusCode())
        .isEqualTo(200);
    var circuit = circuitBreakers.circuitBreaker("decision-service");
    circuit.transitionToForcedOpenState();
    try {
      String requestId = newRequestId();
      var response =
          send(
              "GET",
              "/api/departements/31/commission/pending-dossiers",
              token("PREFECTURE", "31"),
              Map.of("X-Request-Id", requestId));

      AccessMatrixTest.assertProblem(
          response,
          503,
          "Service momentanément indisponible",
          "urn:passerelle:probleme:service-indisponible");
      assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(StubServices.withRequestId(requestId)).isEmpty();
    } finally {
      circuit.transitionToClosedState();
    }
  }
}
