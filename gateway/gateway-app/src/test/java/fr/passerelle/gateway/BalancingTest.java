package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of dossier-service behind the gateway, two real HTTP servers: the gateway shares
 * the calls between them, and once one is stopped every call, whatever its method, reaches the
 * other, since a refused connection is sent again; a call that reached an instance and got no
 * answer is not sent again unless it is a GET.
 */
class BalancingTest extends GatewayTest {

  private static final String DOSSIERS = "/api/departements/31/dossiers";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final Instance first = new Instance();
  private static final Instance second = new Instance();
  private static final SilentInstance silent = new SilentInstance();

  @DynamicPropertySource
  static void twoInstances(DynamicPropertyRegistry registry) {
    String services = "passerelle.gateway.balancing.services.";
    registry.add(services + "dossier-service", () -> first.url() + "," + second.url());
    registry.add(services + "decision-service", () -> silent.url() + "," + first.url());
    registry.add("passerelle.gateway.balancing.refused-for", () -> "500ms");
  }

  @AfterAll
  static void stopInstances() throws IOException {
    first.stop();
    second.stop();
    silent.close();
  }

  @Test
  void callsAreSharedByTheInstancesAndAStoppedOneIsPassedOverForEveryMethod() throws Exception {
    String token = token("ASSOCIATION", "31");
    for (int i = 0; i < 20; i++) {
      assertThat(post(DOSSIERS, token, "{\"n\":" + i + "}").statusCode()).isEqualTo(200);
    }
    assertThat(first.bodies()).hasSize(10);
    assertThat(second.bodies()).hasSize(10);

    second.stop();
    first.clear();
    for (int i = 0; i < 20; i++) {
      assertThat(post(DOSSIERS, token, "{\"after\":" + i + "}").statusCode()).isEqualTo(200);
      assertThat(send("GET", DOSSIERS + "/d-" + i, token).statusCode()).isEqualTo(200);
    }
    assertThat(first.bodies())
        .hasSize(40)
        .filteredOn(body -> !body.isEmpty())
        .hasSize(20)
        .contains("{\"after\":0}", "{\"after\":19}");

    second.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              assertThat(post(DOSSIERS, token, "{}").statusCode()).isEqualTo(200);
              assertThat(second.bodies()).isNotEmpty();
            });
  }

  @Test
  void aCallThatReachedAnInstanceWithoutAnAnswerIsSentAgainForGetOnly() throws Exception {
    String token = token("SECRETARIAT", "31");
    String path = "/api/departements/31/commission/members";
    first.clear();
    int before = silent.connections.get();

    List<Integer> posts = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      posts.add(post(path, token, "{\"n\":" + i + "}").statusCode());
    }
    for (int i = 0; i < 4; i++) {
      assertThat(send("GET", path, token).statusCode()).isEqualTo(200);
    }

    // Two POSTs of four went to the silent instance, were not sent again and failed; the other two
    // and every GET (sent again to the other instance after the silence) were answered.
    assertThat(posts).containsOnly(200, 503).filteredOn(status -> status == 200).hasSize(2);
    assertThat(first.bodies()).filteredOn(body -> !body.isEmpty()).hasSize(2);
    assertThat(silent.connections.get() - before).isGreaterThanOrEqualTo(4);
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An instance that answers 200 {@code {}} and keeps the bodies it received. */
  private static final class Instance {

    private final int port;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    Instance() {
      start(0);
      this.port = server.getAddress().getPort();
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    List<String> bodies() {
      return List.copyOf(bodies);
    }

    void clear() {
      bodies.clear();
    }

    void start() {
      start(port);
    }

    private void start(int on) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext(
          "/",
          exchange -> {
            bodies.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
          });
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
    }

    void stop() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /** An instance that accepts each connection, reads the request's head and closes: no answer. */
  private static final class SilentInstance {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    SilentInstance() {
      try {
        socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket connection = socket.accept()) {
                    connections.incrementAndGet();
                    readHead(connection.getInputStream());
                  } catch (IOException closed) {
                    // The connection or the server socket was closed: the next, or the end.
                  }
                }
              },
              "silent-instance");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private static void readHead(InputStream in) throws IOException {
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      int read;
      while (matched < end.length && (read = in.read()) >= 0) {
        matched = read == end[matched] ? matched + 1 : (read == '\r' ? 1 : 0);
      }
    }

    String url() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort()).toString();
    }

    void close() throws IOException {
      socket.close();
    }
  }
}
