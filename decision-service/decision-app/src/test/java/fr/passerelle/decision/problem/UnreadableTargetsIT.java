package fr.passerelle.decision.problem;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the service's server refuses while it parses them, before any filter or controller: they
 * get the platform's problem, as every other refusal does, not the server's HTML page. The gateway
 * refuses them first; these are called on the service's own port.
 */
@ServiceIntegrationTest
class UnreadableTargetsIT {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/departements/31/commission/sessions/%FF%FE",
        "/api/departements/31/commission/sessions/%C3",
        "/api/departements/31/pathways/%00",
      })
  void aPathTheServerCannotReadIsAProblem(String path) {
    HttpResponse<String> response = TestHttp.onPort(port).get(path);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"title\":\"Requête invalide\"")
        .contains("\"status\":400")
        .contains("urn:passerelle:probleme:requete-invalide")
        .doesNotContain("<html")
        .doesNotContain("Exception");
  }
}
