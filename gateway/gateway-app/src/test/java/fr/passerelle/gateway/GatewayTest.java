package fr.passerelle.gateway;

import fr.passerelle.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as deployed (default profile), in front of the stub services, trusting the test
 * tokens' key. Every test class of the default profile extends this one, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTest {

  /** Per caller in the tests: generous, refilled once a minute, so that 429 is deterministic. */
  static final int RATE_LIMIT_CAPACITY = 300;

  private static final AtomicInteger CALLERS = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    servicesAndTokens(registry);
    rateLimits(registry, 10_000);
  }

  /** The stub services behind the gateway, and the test tokens' issuer and key. */
  static void servicesAndTokens(DynamicPropertyRegistry registry) {
    StubServices.ports()
        .forEach(
            (service, port) ->
                registry.add(
                    service.toUpperCase(Locale.ROOT) + "_SERVICE_URL",
                    () -> "http://127.0.0.1:" + port));
    registry.add("passerelle.security.jwt.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "passerelle.security.jwt.public-key", () -> TestTokens.publicKeyPem().toUri().toString());
  }

  /**
   * Limits refilled once a minute, so that 429 is deterministic: {@link #RATE_LIMIT_CAPACITY} per
   * caller, {@code perAddress} per client address.
   */
  static void rateLimits(DynamicPropertyRegistry registry, int perAddress) {
    String prefix = "passerelle.gateway.rate-limit.";
    registry.add(prefix + "caller.capacity", () -> RATE_LIMIT_CAPACITY);
    registry.add(prefix + "caller.refill-tokens", () -> RATE_LIMIT_CAPACITY);
    registry.add(prefix + "caller.refill-period", () -> "1m");
    registry.add(prefix + "caller.refill-intervally", () -> true);
    registry.add(prefix + "address.capacity", () -> perAddress);
    registry.add(prefix + "address.refill-tokens", () -> perAddress);
    registry.add(prefix + "address.refill-period", () -> "1m");
    registry.add(prefix + "address.refill-intervally", () -> true);
  }

  /** A valid token of a caller of its own (so that each has its own rate-limit bucket). */
  static String token(String role, String... departements) {
    return TestTokens.token(
        role.toLowerCase(Locale.ROOT) + "-" + CALLERS.incrementAndGet(),
        List.of(role),
        List.of(departements));
  }

  static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  HttpResponse<String> send(String method, String path, String token) throws Exception {
    return send(method, path, token, Map.of());
  }

  HttpResponse<String> send(String method, String path, String token, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                method.equals("GET") || method.equals("OPTIONS")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (!method.equals("GET") && !method.equals("OPTIONS")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
