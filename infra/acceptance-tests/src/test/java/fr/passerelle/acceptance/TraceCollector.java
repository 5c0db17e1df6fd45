package fr.passerelle.acceptance;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP collector of traces ({@code POST /v1/traces}, protobuf), as an operator would run
 * one: it keeps what it receives, and what it received as text for the personal-data check.
 */
final class TraceCollector {

  /** A span as the collector received it. */
  record Received(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      SpanKind kind) {}

  private final List<Received> spans = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private HttpServer server;

  void start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            boolean gzip =
                "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            ExportTraceServiceRequest request =
                ExportTraceServiceRequest.parseFrom(gzip ? new GZIPInputStream(body) : body);
            received(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
          } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    // anything else sent here (metrics, logs) would be pushed without being asked for
    server.createContext(
        "/",
        exchange -> {
          unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
  }

  private void received(ExportTraceServiceRequest request) {
    requests.add(request.toString());
    HexFormat hex = HexFormat.of();
    for (var resourceSpans : request.getResourceSpansList()) {
      String service =
          resourceSpans.getResource().getAttributesList().stream()
              .filter(attribute -> attribute.getKey().equals("service.name"))
              .map(attribute -> attribute.getValue().getStringValue())
              .findFirst()
              .orElse("?");
      for (var scopeSpans : resourceSpans.getScopeSpansList()) {
        for (var span : scopeSpans.getSpansList()) {
          spans.add(
              new Received(
                  service,
                  hex.formatHex(span.getTraceId().toByteArray()),
                  hex.formatHex(span.getSpanId().toByteArray()),
                  hex.formatHex(span.getParentSpanId().toByteArray()),
                  span.getName(),
                  span.getKind()));
        }
      }
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> ofTrace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  String everything() {
    return String.join("\n", requests);
  }

  List<String> unexpected() {
    return unexpected;
  }

  void stop() {
    Optional.ofNullable(server).ifPresent(running -> running.stop(0));
  }
}
