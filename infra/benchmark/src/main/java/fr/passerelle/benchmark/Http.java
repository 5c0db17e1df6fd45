package fr.passerelle.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests to the platform, as its users send them: through the gateway, with a token from the
 * development issuer. One HTTP/1.1 client shared by every thread of the run.
 */
final class Http {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int gatewayPort;

  Http(Platform platform) {
    this.gatewayPort = platform.port("PASSERELLE_GATEWAY_PORT");
  }

  URI gateway(String path) {
    return URI.create("http://127.0.0.1:" + gatewayPort + path);
  }

  /** A token of the development issuer for {@code user}, of {@code association} when not null. */
  String token(String user, String association) {
    String query = "user=" + user + (association == null ? "" : "&association=" + association);
    return extract(
        TOKEN,
        send(
            HttpRequest.newBuilder(gateway("/dev/tokens?" + query))
                .POST(BodyPublishers.noBody())
                .build()));
  }

  HttpResponse<String> get(URI uri, String token) {
    return send(authorized(uri, token).GET().build());
  }

  HttpResponse<String> post(URI uri, String body, String token) {
    return send(authorized(uri, token).POST(BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> put(URI uri, String body, String token) {
    return send(authorized(uri, token).PUT(BodyPublishers.ofString(body)).build());
  }

  static HttpRequest.Builder authorized(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first group of {@code pattern} in the response's body; a response without it fails the run
   * with the request and the answer, the figures after it would mean nothing.
   */
  static String extract(Pattern pattern, HttpResponse<String> response) {
    Matcher m = pattern.matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return m.group(1);
  }
}
