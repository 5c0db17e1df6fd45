package fr.passerelle.chaos;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A team's client of the gateway: demo tokens, JSON calls, and what each call was answered. */
final class Client {

  /**
   * What a client was told: a status, or nothing at all (timeout, reset): {@code status} 0; and,
   * with a 429, the seconds the gateway asks to wait before trying again.
   */
  record Answer(int status, JsonNode body, long retryAfter) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean refused() {
      return status >= 400 && status < 500;
    }
  }

  private final URI base;
  private final URI issuer;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, String> tokens;
  private final Map<String, String> holders;

  Client(URI base) {
    this(base, base, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }

  private Client(URI base, URI issuer, Map<String, String> tokens, Map<String, String> holders) {
    this.base = base;
    this.issuer = issuer;
    this.tokens = tokens;
    this.holders = holders;
  }

  /**
   * A client of the gateway at {@code base} with this client's tokens and issuer: with several
   * gateways, only the first signs tokens, and a token it signs anew (after its restart) serves
   * through every gateway.
   */
  Client through(URI base) {
    return new Client(base, issuer, tokens, holders);
  }

  String token(String user, String association) {
    return tokens.computeIfAbsent(
        user + "|" + association,
        key -> {
          String query = "user=" + encode(user);
          if (association != null) {
            query += "&association=" + encode(association);
          }
          Answer answer = call("POST", issuer + "/dev/tokens?" + query, null, null);
          if (!answer.ok()) {
            throw new IllegalStateException("no token for " + user + ": " + answer.status());
          }
          String token = answer.body().path("access_token").asString();
          holders.put(token, key);
          return token;
        });
  }

  Answer call(String method, String url, String token, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    CompletableFuture<HttpResponse<String>> exchange =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          exchange.get(WHOLE_EXCHANGE.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode node;
      try {
        node = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
      } catch (RuntimeException notJson) {
        node = json.nullNode();
      }
      return new Answer(response.statusCode(), node, retryAfter(response));
    } catch (ExecutionException | TimeoutException e) {
      exchange.cancel(true);
      return new Answer(0, json.nullNode(), 0);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return new Answer(0, json.nullNode(), 0);
    }
  }

  /**
   * How long a call may take from its request to the last byte of its answer. The request's own
   * timeout (20 s) ends when the answer's headers arrive (JDK-8208693, changed only in JDK 26): an
   * answer whose body stops coming would otherwise hold its caller forever.
   */
  private static final Duration WHOLE_EXCHANGE = Duration.ofSeconds(30);

  /**
   * A call through the gateway, answered as a client would: a 401 (the dev issuer signs with a new
   * key after the gateway's restart) with a new token and the call once more, a 429 (the caller's
   * rate limit) with the call once more after the delay the gateway names; neither was processed. A
   * call left unanswered (no answer, or a 5xx) is not sent again, since it may have been processed,
   * but the client backs off as a person would before its next call: the delay the gateway names,
   * or a second.
   */
  Answer gateway(String method, String path, String token, Object body) {
    Answer answer = authenticated(method, path, token, body);
    for (int attempt = 0; answer.status() == 429 && attempt < RATE_LIMITED_ATTEMPTS; attempt++) {
      pause(answer.retryAfter());
      answer = authenticated(method, path, token, body);
    }
    if (answer.status() == 0 || answer.status() >= 500) {
      pause(answer.retryAfter() > 0 ? answer.retryAfter() : 1);
    }
    return answer;
  }

  private static void pause(long seconds) {
    await()
        .pollDelay(Duration.ofSeconds(seconds))
        .atMost(Duration.ofSeconds(seconds + 1))
        .until(() -> true);
  }

  /** How often a call limited by the gateway is tried again before its 429 is kept. */
  private static final int RATE_LIMITED_ATTEMPTS = 10;

  private Answer authenticated(String method, String path, String token, Object body) {
    String key = token == null ? null : holders.get(token);
    String current = key == null ? token : tokenFor(key);
    Answer answer = call(method, base + path, current, body);
    if (answer.status() != 401 || key == null) {
      return answer;
    }
    tokens.remove(key, current);
    return call(method, base + path, tokenFor(key), body);
  }

  /** The seconds of a {@code Retry-After} (the gateway names seconds), one when it names none. */
  private static long retryAfter(HttpResponse<?> response) {
    try {
      return Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
    } catch (NumberFormatException notSeconds) {
      return 1;
    }
  }

  private String tokenFor(String key) {
    String[] parts = key.split("\\|", -1);
    return token(parts[0], parts[1].equals("null") ? null : parts[1]);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
