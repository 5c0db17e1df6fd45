package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every request gets an X-Request-Id, passed downstream and returned, and is traced: the call the
 * gateway makes downstream carries the gateway's span in a W3C traceparent, in the client's trace
 * when it sent one.
 */
class CorrelationTest extends GatewayTest {

  private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

  @Test
  void aWellFormedRequestIdIsKeptAndTheClientsTraceContinued() throws Exception {
    String requestId = newRequestId();
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    var response =
        send(
            "GET",
            "/api/departements/31/reports/dossiers",
            token("ANALYST", "*"),
            Map.of("X-Request-Id", requestId, "traceparent", traceparent));

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    assertThat(StubServices.withRequestId(requestId))
        .singleElement()
        .satisfies(
            received ->
                assertThat(received.traceparent())
                    .matches(TRACEPARENT)
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                    .isNotEqualTo(traceparent));
  }

  @Test
  void missingOrMalformedOnesAreReplacedByANewRequestIdAndTrace() throws Exception {
    int before = StubServices.RECEIVED.size();

    var response =
        send(
            "GET",
            "/api/departements/31/reports/dossiers",
            token("ANALYST", "*"),
            Map.of("X-Request-Id", "bad id\t<script>", "traceparent", "garbage"));

    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(requestId).matches("[0-9a-f-]{36}");
    var received = StubServices.withRequestId(requestId);
    assertThat(received).singleElement();
    assertThat(received.get(0).traceparent()).matches(TRACEPARENT);
    assertThat(StubServices.RECEIVED.size()).isEqualTo(before + 1);
  }

  @Test
  void refusedCallsCarryTheRequestIdToo() throws Exception {
    var response = send("GET", "/api/departements/31/reports/dossiers", null);

    assertThat(response.statusCode()).isEqualTo(401);
    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(response.body()).contains("\"requestId\":\"" + requestId + "\"");
  }
}
