package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A body over the limit (256 KB by default) gets a 413 problem and reaches no service, whether its
 * length is declared or not (chunked); a body within it is relayed whole.
 */
class BodySizeLimitTest extends GatewayTest {

  private static final int LIMIT = 256 * 1024;
  private static final String DRAFTS = "/api/departements/31/dossiers";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aDeclaredBodyOverTheLimitIsRefused() throws Exception {
    String requestId = newRequestId();

    var response = post(BodyPublishers.ofByteArray(json(8 * 1024 * 1024)), requestId);

    assertTooLarge(response);
    assertThat(StubServices.withRequestId(requestId)).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedBeforeAnyOfItIsForwarded() throws Exception {
    String requestId = newRequestId();

    var response = post(chunked(json(LIMIT + 1)), requestId);

    assertTooLarge(response);
    assertThat(StubServices.withRequestId(requestId)).isEmpty();
  }

  @Test
  void bodiesWithinTheLimitAreRelayedWhole() throws Exception {
    String declared = newRequestId();
    String chunked = newRequestId();

    var atTheLimit = post(BodyPublishers.ofByteArray(json(LIMIT)), declared);
    var justUnder = post(chunked(json(LIMIT - 1)), chunked);

    assertThat(atTheLimit.statusCode()).isEqualTo(200);
    assertThat(justUnder.statusCode()).isEqualTo(200);
    assertThat(StubServices.withRequestId(declared))
        .singleElement()
        .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(LIMIT));
    assertThat(StubServices.withRequestId(chunked))
        .singleElement()
        .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(LIMIT - 1));
  }

  private HttpResponse<String> post(BodyPublisher body, String requestId) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(DRAFTS))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token("ASSOCIATION", "31"))
            .header("X-Request-Id", requestId)
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A body of unknown length: sent with Transfer-Encoding: chunked. */
  private static BodyPublisher chunked(byte[] body) {
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  /** A JSON document of exactly {@code size} bytes. */
  private static byte[] json(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'a');
    byte[] start = "{\"note\":\"".getBytes();
    System.arraycopy(start, 0, body, 0, start.length);
    body[size - 2] = '"';
    body[size - 1] = '}';
    return body;
  }

  private static void assertTooLarge(HttpResponse<String> response) {
    AccessMatrixTest.assertProblem(
        response,
        413,
        "Requête trop volumineuse",
        "urn:passerelle:probleme:requete-trop-volumineuse");
    assertThat(response.body()).contains("256 Ko");
  }
}
