package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway forwards each API path to the service that owns it. The services are stood in for by
 * one local HTTP server that answers with the service name it was called as.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private static final List<String> SERVICE_NAMES =
      List.of("dossier", "decision", "benefits", "reporting");
  private static final Map<String, HttpServer> SERVICES = startServices();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    SERVICES.forEach(
        (service, server) ->
            registry.add(
                service.toUpperCase(Locale.ROOT) + "_SERVICE_URL",
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterAll
  static void stop() {
    SERVICES.values().forEach(server -> server.stop(0));
  }

  @Test
  void dossierSubmissionsGoToDossierService() throws Exception {
    var response = post("/api/departements/31/dossiers", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RECEIVED).contains("dossier: POST /api/departements/31/dossiers");
  }

  @Test
  void departementalReportsGoToReportingService() throws Exception {
    var response = get("/api/departements/31/reports/dossiers");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RECEIVED).contains("reporting: GET /api/departements/31/reports/dossiers");
  }

  @Test
  void eachServiceReceivesItsOwnPaths() throws Exception {
    post("/api/departements/31/associations", "{}");
    post("/api/departements/31/commission/sessions", "{}");
    post("/api/departements/31/prefecture/decisions", "{}");
    post("/api/departements/31/beneficiaries/d-1/employment", "{}");
    get("/api/reports/national?year=2019");

    assertThat(RECEIVED)
        .contains(
            "dossier: POST /api/departements/31/associations",
            "decision: POST /api/departements/31/commission/sessions",
            "decision: POST /api/departements/31/prefecture/decisions",
            "benefits: POST /api/departements/31/beneficiaries/d-1/employment",
            "reporting: GET /api/reports/national");
  }

  @Test
  void eachServicesOpenApiIsBrowsableAtTheGateway() throws Exception {
    assertThat(get("/v3/api-docs/decision-service").statusCode()).isEqualTo(200);
    assertThat(RECEIVED).contains("decision: GET /v3/api-docs");

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
    int before = RECEIVED.size();

    var response = get("/api/unknown");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(RECEIVED).hasSize(before);
  }

  @Test
  void theGatewayActuatorEndpointIsClosed() throws Exception {
    assertThat(get("/actuator/gateway/routes").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static Map<String, HttpServer> startServices() {
    Map<String, HttpServer> servers = new LinkedHashMap<>();
    SERVICE_NAMES.forEach(service -> servers.put(service, startService(service)));
    return servers;
  }

  private static HttpServer startService(String service) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            RECEIVED.add(
                service
                    + ": "
                    + exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI().getPath());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
