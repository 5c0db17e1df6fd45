package fr.passerelle.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service of fixed capacity, as a real one behaves under load: {@code workers} requests at a
 * time, each taking {@code work}; the others wait in its queue (as in Tomcat's), however many. It
 * records how many it served and the most it ever worked on at once.
 */
final class SlowService implements AutoCloseable {

  private final int workers;
  private final Duration work;
  private final HttpServer server;
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "slow-service");
            thread.setDaemon(true);
            return thread;
          });
  private final Queue<HttpExchange> waiting = new ArrayDeque<>();
  private final AtomicLong served = new AtomicLong();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private int busy;

  SlowService(int workers, Duration work) {
    this.workers = workers;
    this.work = work;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4, clockThreads()));
    server.createContext("/", this::arrive);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long served() {
    return served.get();
  }

  int mostAtOnce() {
    return mostAtOnce.get();
  }

  int workers() {
    return workers;
  }

  private void arrive(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    synchronized (this) {
      if (busy == workers) {
        waiting.add(exchange);
        return;
      }
      busy++;
      mostAtOnce.accumulateAndGet(busy, Math::max);
    }
    clock.schedule(() -> finish(exchange), work.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void finish(HttpExchange exchange) {
    respond(exchange);
    HttpExchange next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        busy--;
        return;
      }
    }
    clock.schedule(() -> finish(next), work.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void respond(HttpExchange exchange) {
    try (exchange) {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      served.incrementAndGet();
    } catch (IOException gone) {
      // The gateway gave up on this call: nothing to answer.
    }
  }

  private static java.util.concurrent.ThreadFactory clockThreads() {
    return task -> {
      Thread thread = new Thread(task, "slow-service-io");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    clock.shutdownNow();
  }
}
