package fr.passerelle.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's gateway as a client meets it: tokens from the dev issuer, raw requests sent as
 * given (the fuzzer's bytes are never re-encoded), and a pace kept under the gateway's rate limits
 * so that the requests reach the services instead of being shed with 429.
 */
final class Gateway {

  /**
   * The gateway lets a caller (and an address, for requests without a valid token) 50 requests a
   * second after a burst of 100: the client keeps to 40 a second for each.
   */
  private static final long PACE_NANOS = TimeUnit.SECONDS.toNanos(1) / 40;

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> callers = new ConcurrentHashMap<>();
  private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

  Gateway(URI base) {
    this.base = base;
  }

  /**
   * A token of the dev issuer's demo {@code user}; association users belong to {@code association}.
   * A new one is fetched once half of its validity has passed: the full form outlasts a token (an
   * hour), and an expired token is refused like any other invalid one.
   */
  String token(String user, String association) {
    String key = user + "|" + (association == null ? "" : association);
    return tokens
        .compute(
            key,
            (k, known) ->
                known != null && Instant.now().isBefore(known.renewAfter())
                    ? known
                    : issue(user, association))
        .token();
  }

  private Issued issue(String user, String association) {
    String query = "user=" + encode(user);
    if (association != null) {
      query += "&association=" + encode(association);
    }
    Instant asked = Instant.now();
    Answer response = send("POST", "/dev/tokens?" + query, null, null, null);
    if (response.status() != 200) {
      throw new IllegalStateException(
          "no token for " + user + ": " + response.status() + " " + response.body());
    }
    JsonNode answer = json.readTree(response.body());
    String token = answer.path("access_token").asString();
    callers.put(token, user);
    return new Issued(token, asked.plusSeconds(answer.path("expires_in").asLong() / 2));
  }

  /** A token and when to ask for a new one. */
  private record Issued(String token, Instant renewAfter) {}

  String token(String user) {
    return token(user, null);
  }

  /**
   * Sends a request; {@code pathAndQuery} goes on the wire as given, {@code token} may be absent or
   * anything at all. Paced as the gateway counts it: per caller for a token it issued, for the
   * client's address otherwise (no token, or one the gateway refuses).
   */
  Answer send(String method, String pathAndQuery, String token, String contentType, byte[] body) {
    pace(token == null ? "" : callers.getOrDefault(token, ""));
    URI uri;
    try {
      uri = URI.create(base + pathAndQuery);
    } catch (IllegalArgumentException notAUri) {
      // A target java.net.URI refuses (a bad percent-escape...): sent as raw bytes instead.
      return RawHttp.send(base, method, pathAndQuery, token, contentType, body);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body() == null ? "" : response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery + " got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A JSON call that must succeed: for the fuzzer's own setup. */
  JsonNode call(String method, String path, String token, Object body) {
    byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
    Answer response = send(method, path, token, body == null ? null : "application/json", bytes);
    if (response.status() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.status() + ": " + response.body());
    }
    return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
  }

  /** An answer: its status, Content-Type and body. */
  record Answer(int status, String contentType, String body) {}

  JsonMapper json() {
    return json;
  }

  /**
   * Waits for this caller's next slot: a client-side pace, not a wait for a condition, so that the
   * gateway's rate limits (which answer 429, correctly) do not hide the services from the fuzzer.
   */
  private void pace(String caller) {
    long now = System.nanoTime();
    long slot = nextSlot.merge(caller, now, (previous, ignored) -> Math.max(previous, now));
    nextSlot.put(caller, slot + PACE_NANOS);
    while (System.nanoTime() < slot) {
      LockSupport.parkNanos(slot - System.nanoTime());
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A request the gateway did not answer (timeout, reset): a finding in itself. */
  static final class UncheckedIOException extends RuntimeException {
    UncheckedIOException(String message, IOException cause) {
      super(message, cause);
    }
  }
}
