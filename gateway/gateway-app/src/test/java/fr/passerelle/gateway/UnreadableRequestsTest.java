package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the HTTP server refuses before any filter of the gateway runs (a target that is not a
 * URI, a request line or headers over the codec's limits, a line that is not HTTP) are answered as
 * every other refusal: a problem with a French title. Sent over a plain socket, since an HTTP
 * client refuses to send them or normalises them first.
 */
class UnreadableRequestsTest extends GatewayTest {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/departements/%zz/dossiers",
        "/api/departements/31/dossiers/%",
        "/api/reports/national?a=%",
        "/api/reports/national?year=%zz",
        "/api/departements/31/reports/dossiers?%=x",
        "http://127.0.0.1/api/reports/national?year=%2",
        "/api/departements/31/commission/sessions/%FF%FE/minutes.pdf",
        "/api/departements/31/dossiers/%C3",
        "/api/reports/national?year=%E9"
      })
  void aTargetWithAMalformedPercentEscapeIsAProblem(String target) throws Exception {
    int before = StubServices.RECEIVED.size();

    RawHttpConnection.Response response = exchange(request("GET", target, token("ADMIN", "*")));

    assertMalformedTarget(response);
    assertThat(StubServices.RECEIVED).hasSize(before);
  }

  @Test
  void aTargetWhoseEscapesAreUtf8IsServed() throws Exception {
    RawHttpConnection.Response response =
        exchange(request("GET", "/api/reports/national?note=%C3%A9t%C3%A9", token("ADMIN", "*")));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aMalformedTargetWithABodyIsAnsweredAndTheConnectionServesTheNextRequest() throws Exception {
    String admin = token("ADMIN", "*");

    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(postWithALargeBody("/api/departements/31/associations?caller=%zz", admin));
      connection.write(RawHttpConnection.get("/api/reports/national", admin));

      assertMalformedTarget(connection.read());
      assertThat(connection.read().status()).isEqualTo(200);
    }
  }

  private static byte[] postWithALargeBody(String target, String token) {
    String body = "{\"x\":\"" + "a".repeat(300_000) + "\"}";
    return ("POST "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A client that writes its whole body before it reads, on a connection it asked to close, reads
   * the answer given before that body: the gateway reads and drops the body before it closes.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/departements/31/associations?caller=%zz",
        "/api/departements/31/associations"
      })
  void anAnswerGivenBeforeALargeBodyReachesAClientThatWritesItAll(String target) throws Exception {
    byte[] body = new byte[16 * 1024 * 1024];
    Arrays.fill(body, (byte) 'a');
    String head =
        "POST "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
            + token("ADMIN", "*")
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";

    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(head.getBytes(StandardCharsets.US_ASCII));
      connection.write(body);

      RawHttpConnection.Response response = connection.read();
      assertThat(response).as("an answer").isNotNull();
      assertThat(response.status()).isIn(400, 413);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void answersToPipelinedRequestsKeepTheirOrder() throws Exception {
    String admin = token("ADMIN", "*");

    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(
          RawHttpConnection.get("/api/reports/national", admin),
          RawHttpConnection.get("/api/reports/national?year=%", admin),
          RawHttpConnection.get("/api/reports/national", admin),
          RawHttpConnection.get("/api/reports/national?year=" + "9".repeat(5_000), admin));

      assertThat(connection.read().status()).isEqualTo(200);
      assertMalformedTarget(connection.read());
      assertThat(connection.read().status()).isEqualTo(200);
      assertProblem(connection.read(), 414, "Adresse trop longue", "(4 Ko)");
    }
  }

  @Test
  void aRequestLineOverTheLimitIsAProblem() throws Exception {
    String target = "/api/reports/national?year=" + "9".repeat(5_000);

    RawHttpConnection.Response response = exchange(request("GET", target, token("ADMIN", "*")));

    assertProblem(response, 414, "Adresse trop longue", "(4 Ko)");
    assertThat(response.header("Connection")).isEqualTo("close");
  }

  /**
   * A request line of a megabyte, written whole before the answer is read: the gateway answers
   * after reading a few kilobytes, and closing at once reset the connection under the answer.
   */
  @Test
  void aRequestLineFarOverTheLimitWrittenWholeIsAnswered() throws Exception {
    String target = "/api/reports/national?year=" + "A".repeat(1024 * 1024);

    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(
          request("GET", target, token("ADMIN", "*")).getBytes(StandardCharsets.US_ASCII));

      RawHttpConnection.Response response = connection.read();
      assertThat(response).as("an answer").isNotNull();
      assertProblem(response, 414, "Adresse trop longue", "(4 Ko)");
    }
  }

  @Test
  void headersOverTheLimitAreAProblem() throws Exception {
    String request =
        "GET /api/reports/national HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
            + "a".repeat(9_000)
            + "\r\nAuthorization: Bearer "
            + token("ADMIN", "*")
            + "\r\n\r\n";

    RawHttpConnection.Response response = exchange(request);

    assertProblem(response, 431, "En-têtes trop volumineux", "(8 Ko)");
  }

  @Test
  void aHeaderThatIsNotHttpIsAProblem() throws Exception {
    String request =
        "GET /api/reports/national HTTP/1.1\r\nHost: 127.0.0.1\r\nNot a header\r\n\r\n";

    RawHttpConnection.Response response = exchange(request);

    assertProblem(response, 400, "Requête invalide", "n'est pas une requête HTTP lisible");
  }

  /**
   * A chunked body whose chunk size is not a hexadecimal number is unreadable once the request's
   * head has been read and passed on: it is a problem too, and nothing reaches the service.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"zz", "-1", "1;\u0001", "ffffffffffffffffff"})
  void aChunkedBodyThatIsNotHttpIsAProblem(String chunkSize) throws Exception {
    int before = StubServices.RECEIVED.size();
    String request =
        "POST /api/departements/31/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token("ADMIN", "*")
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunkSize
            + "\r\n{}\r\n0\r\n\r\n";

    RawHttpConnection.Response response = exchange(request);

    assertProblem(response, 400, "Requête invalide", "n'est pas une requête HTTP lisible");
    assertThat(StubServices.RECEIVED).hasSize(before);
  }

  @Test
  void anUnreadableChunkedBodyIsAnsweredAfterTheAnswersDueBeforeIt() throws Exception {
    String admin = token("ADMIN", "*");

    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(RawHttpConnection.get("/api/reports/national", admin));
      connection.write(brokenChunkedPost(admin));

      assertThat(connection.read().status()).isEqualTo(200);
      assertProblem(
          connection.read(), 400, "Requête invalide", "n'est pas une requête HTTP lisible");
      assertThatThrownBy(connection::read).hasMessage("Connection closed by the gateway");
    }
  }

  /**
   * Refused before the rest of its body is read (a chunked body over the limit), the request keeps
   * that answer when what follows cannot be read; the connection then ends.
   */
  @Test
  void aRequestAnsweredBeforeItsUnreadableBodyKeepsItsAnswer() throws Exception {
    int overTheLimit = 256 * 1024 + 1;
    String head =
        "POST /api/departements/31/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token("ADMIN", "*")
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(overTheLimit)
            + "\r\n"
            + "a".repeat(overTheLimit)
            + "\r\n";

    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(head);
      assertThat(connection.read().status()).isEqualTo(413);

      connection.write("zz\r\n{}\r\n");
      assertThatThrownBy(connection::read).hasMessage("Connection closed by the gateway");
    }
  }

  private static String brokenChunkedPost(String token) {
    return "POST /api/departements/31/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n";
  }

  /**
   * A {@code Content-Type} describes a body: a {@code GET} without one is served whatever it names,
   * as by the services' servers.
   */
  @Test
  void aGetNamingAFormContentTypeWithoutABodyIsServed() throws Exception {
    String request =
        "GET /api/reports/national?year=2026 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nAuthorization: Bearer "
            + token("ADMIN", "*")
            + "\r\n\r\n";

    assertThat(exchange(request).status()).isEqualTo(200);
  }

  private static String request(String method, String target, String token) {
    return method
        + " "
        + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token
        + "\r\n\r\n";
  }

  private RawHttpConnection.Response exchange(String request) throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
      connection.write(request);
      return connection.read();
    }
  }

  private static void assertMalformedTarget(RawHttpConnection.Response response) {
    assertProblem(response, 400, "Requête invalide", "L'adresse de la requête est mal formée");
  }

  private static void assertProblem(
      RawHttpConnection.Response response, int status, String title, String detail) {
    assertThat(response).as("an answer").isNotNull();
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("X-Request-Id")).isNotBlank();
    assertThat(response.body())
        .contains("\"title\":\"" + title + "\"", "\"status\":" + status)
        .contains(detail)
        .contains("\"requestId\":\"" + response.header("X-Request-Id") + "\"");
  }
}
