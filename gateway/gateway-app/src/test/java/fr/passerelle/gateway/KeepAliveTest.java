package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection keeps being answered whatever the order of its requests. A request that
 * arrives while the previous exchange is still finishing (its response sent, its processing not yet
 * over: a response relayed from a service, or finished on another thread) waits in the server's
 * queue; when that queued request is then answered at once (a 401 or 403 written by the security
 * chain), the connection must still be read.
 */
class KeepAliveTest extends GatewayTest {

  /** Far beyond any answer here: only a request that is never read waits this long. */
  private static final Duration NO_ANSWER = Duration.ofSeconds(10);

  private static final String REPORT = "/api/departements/31/reports/dossiers";

  @Test
  void aConnectionIsStillReadAfterAQueuedRequestIsUnauthenticatedAtOnce() throws Exception {
    String secretariat = token("SECRETARIAT", "31");
    String forged = TestTokens.signedByAnotherKey("SECRETARIAT", "31");

    assertTheNextRequestIsAnswered(
        RawHttpConnection.get(REPORT, secretariat), RawHttpConnection.get(REPORT, forged), 401);
  }

  @Test
  void aConnectionIsStillReadAfterAQueuedRequestIsDeniedAtOnce() throws Exception {
    String secretariat = token("SECRETARIAT", "31");

    assertTheNextRequestIsAnswered(
        RawHttpConnection.get(REPORT, secretariat),
        RawHttpConnection.get("/api/departements/75/reports/dossiers", secretariat),
        403);
  }

  private void assertTheNextRequestIsAnswered(String relayed, String refused, int refusal)
      throws Exception {
    String secretariat = token("SECRETARIAT", "31");
    try (var connection = new RawHttpConnection(port, NO_ANSWER)) {
      // Both in one packet: the second is queued while the first is still being relayed.
      connection.write(relayed, refused);
      assertThat(connection.read().status()).isEqualTo(200);
      assertThat(connection.read().status()).isEqualTo(refusal);

      connection.write(RawHttpConnection.get(REPORT, secretariat));

      assertThat(connection.read())
          .as("answer to the next request on the same connection")
          .isNotNull()
          .satisfies(response -> assertThat(response.status()).isEqualTo(200));
    }
  }
}
