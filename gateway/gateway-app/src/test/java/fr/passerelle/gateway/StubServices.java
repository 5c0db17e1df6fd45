package fr.passerelle.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The four services, stood in for by local HTTP servers (one per service, started once per test
 * JVM) that answer 200 {@code {}} and record what they received. One can be stopped and restarted
 * on the same port.
 */
final class StubServices {

  /** A request as a stub service received it. */
  record Received(
      String service,
      String method,
      String path,
      String authorization,
      String requestId,
      String traceparent,
      int bodyLength,
      String cookie) {

    String line() {
      return service + ": " + method + " " + path;
    }
  }

  static final List<String> NAMES = List.of("dossier", "decision", "benefits", "reporting");
  static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

  private static final Map<String, HttpServer> SERVERS = new LinkedHashMap<>();
  private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

  static {
    // Answer at once, as the services (Tomcat) do: without it Nagle's algorithm holds each response
    // body back until the gateway acknowledges the headers, about 40 ms later.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    NAMES.forEach(name -> start(name, 0));
  }

  private StubServices() {}

  static synchronized Map<String, Integer> ports() {
    return Map.copyOf(PORTS);
  }

  static String url(String name) {
    return "http://127.0.0.1:" + ports().get(name);
  }

  static List<String> lines() {
    return RECEIVED.stream().map(Received::line).toList();
  }

  /** What the stubs received carrying this request id. */
  static List<Received> withRequestId(String requestId) {
    return RECEIVED.stream().filter(r -> requestId.equals(r.requestId())).toList();
  }

  static synchronized void stop(String name) {
    HttpServer server = SERVERS.remove(name);
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  static synchronized void restart(String name) {
    if (!SERVERS.containsKey(name)) {
      start(name, PORTS.get(name));
    }
  }

  private static synchronized void start(String service, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.createContext(
          "/",
          exchange -> {
            var headers = exchange.getRequestHeaders();
            int bodyLength = exchange.getRequestBody().readAllBytes().length;
            RECEIVED.add(
                new Received(
                    service,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    headers.getFirst("Authorization"),
                    headers.getFirst("X-Request-Id"),
                    headers.getFirst("traceparent"),
                    bodyLength,
                    headers.getFirst("Cookie")));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      // Several requests at once, as a service does (the default handles one at a time).
      server.setExecutor(
          Executors.newFixedThreadPool(
              8,
              task -> {
                Thread thread = new Thread(task, service + "-stub");
                thread.setDaemon(true);
                return thread;
              }));
      server.start();
      SERVERS.put(service, server);
      PORTS.put(service, server.getAddress().getPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
