package fr.passerelle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;

/**
 * The fuzzer's client keeps a token only for half of its validity: the full form runs longer than a
 * token lasts, and a token that expired would turn every later request of its caller into a 401.
 */
class GatewayTest {

  @Example
  void aTokenIsAskedForAgainOnceHalfOfItsValidityHasPassed() throws IOException {
    try (Issuer issuer = new Issuer(0)) {
      List<String> tokens = askedTwice(issuer);

      assertThat(issuer.issued).hasValue(2);
      assertThat(tokens.get(1)).isNotEqualTo(tokens.get(0));
    }
  }

  @Example
  void aTokenStillValidForLongIsKept() throws IOException {
    try (Issuer issuer = new Issuer(3600)) {
      List<String> tokens = askedTwice(issuer);

      assertThat(issuer.issued).hasValue(1);
      assertThat(tokens.get(1)).isEqualTo(tokens.get(0));
    }
  }

  /** The tokens a fuzzer's client gets for the same user, asked twice in a row. */
  private static List<String> askedTwice(Issuer issuer) {
    Gateway gateway = new Gateway(issuer.base());
    return List.of(gateway.token("secretariat-31"), gateway.token("secretariat-31"));
  }

  /** A dev issuer answering {@code POST /dev/tokens} with tokens valid {@code seconds}. */
  private static final class Issuer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();

    Issuer(long seconds) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/dev/tokens",
          exchange -> {
            byte[] body =
                ("{\"access_token\":\"token-%d\",\"expires_in\":%d}"
                        .formatted(issued.incrementAndGet(), seconds))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
