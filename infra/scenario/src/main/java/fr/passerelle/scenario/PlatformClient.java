package fr.passerelle.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's public HTTP API, through the gateway, as a team's client would call it. */
public class PlatformClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String gateway;
  private final String token;

  public PlatformClient(String gateway) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), gateway, null);
  }

  private PlatformClient(HttpClient http, String gateway, String token) {
    this.http = http;
    this.gateway = gateway.replaceAll("/+$", "");
    this.token = token;
  }

  /**
   * The same client, signed in as a demo user of the gateway's dev issuer ({@code prefecture-31},
   * {@code analyst}, ...), and for an association user as one association.
   */
  public PlatformClient as(String user, String associationId) {
    String query = "user=" + user + (associationId == null ? "" : "&association=" + associationId);
    String issued =
        send(HttpRequest.newBuilder(URI.create(gateway + "/dev/tokens?" + query))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build())
            .path("access_token")
            .asString();
    return new PlatformClient(http, gateway, issued);
  }

  public PlatformClient as(String user) {
    return as(user, null);
  }

  /** POSTs {@code body} as JSON; fails unless the answer is 2xx. */
  public JsonNode post(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  public JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  /** The status of a GET, without failing on 4xx: for waiting until something exists. */
  public int status(String path) {
    return exchange(request(path).GET().build()).statusCode();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  /** GETs {@code path} until {@code ready} holds, for what the platform does asynchronously. */
  public JsonNode await(String path, Predicate<JsonNode> ready, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      JsonNode answer = get(path);
      if (ready.test(answer)) {
        return answer;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Still not ready after " + timeout + ": GET " + path);
      }
      pause();
    }
  }

  /** Waits until GET {@code path} answers 200. */
  public void awaitFound(String path, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (status(path) != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Still not found after " + timeout + ": GET " + path);
      }
      pause();
    }
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach the gateway at " + gateway, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
