package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Under the {@code dev} profile the gateway is its own identity provider: it publishes its key,
 * mints tokens for demo users, and accepts them (as the services do, through its JWK set).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "passerelle.dev.associations.association-31=asso-31")
@ActiveProfiles("dev")
class DevIssuerTest {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    StubServices.ports()
        .forEach(
            (service, port) ->
                registry.add(
                    service.toUpperCase(Locale.ROOT) + "_SERVICE_URL",
                    () -> "http://127.0.0.1:" + port));
  }

  @Test
  void aMintedTokenIsAcceptedAndRelayed() throws Exception {
    var minted = post("/dev/tokens?user=secretariat-31");
    assertThat(minted.statusCode()).isEqualTo(200);
    assertThat(minted.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600");
    String token = accessToken(minted);

    var call = get("/api/departements/31/commission/pending-dossiers", token);
    var elsewhere = get("/api/departements/75/commission/pending-dossiers", token);

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(StubServices.RECEIVED)
        .anySatisfy(received -> assertThat(received.authorization()).isEqualTo("Bearer " + token));
    assertThat(elsewhere.statusCode()).isEqualTo(403);
  }

  @Test
  void tokensAreSignedByThePublishedKeyWithThePlatformsClaims() throws Exception {
    var jwks = get("/dev/jwks.json", null);
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.body()).doesNotContain("\"d\"");
    RSAKey key = JWKSet.parse(jwks.body()).getKeys().get(0).toRSAKey();

    SignedJWT jwt = SignedJWT.parse(accessToken(post("/dev/tokens?user=association-31")));
    SignedJWT chosen =
        SignedJWT.parse(accessToken(post("/dev/tokens?user=association-31&association=asso-7")));
    SignedJWT analyst = SignedJWT.parse(accessToken(post("/dev/tokens?user=analyst")));
    SignedJWT payingBody = SignedJWT.parse(accessToken(post("/dev/tokens?user=paying-body-75")));
    SignedJWT monitoring = SignedJWT.parse(accessToken(post("/dev/tokens?user=monitoring")));

    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("association-31");
    assertThat(claims.getIssuer()).startsWith("http://127.0.0.1:").endsWith("/dev");
    assertThat(claims.getAudience()).containsExactly("passerelle");
    assertThat(claims.getStringListClaim("roles")).containsExactly("ASSOCIATION");
    assertThat(claims.getStringListClaim("departements")).containsExactly("31");
    assertThat(claims.getStringClaim("association")).isEqualTo("asso-31");
    assertThat(chosen.getJWTClaimsSet().getStringClaim("association")).isEqualTo("asso-7");
    assertThat(analyst.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("ANALYST"));
    assertThat(analyst.getJWTClaimsSet().getStringListClaim("departements")).containsExactly("*");
    assertThat(payingBody.getJWTClaimsSet().getStringListClaim("roles"))
        .containsExactly("PAYING_BODY");
    assertThat(payingBody.getJWTClaimsSet().getStringListClaim("departements"))
        .containsExactly("75");
    assertThat(monitoring.getJWTClaimsSet().getStringListClaim("roles"))
        .containsExactly("MONITORING");
    assertThat(monitoring.getJWTClaimsSet().getStringListClaim("departements")).isEmpty();
  }

  @Test
  void unknownDemoUsersAreRefused() throws Exception {
    var unknown = post("/dev/tokens?user=root");
    var associationWithoutOne = post("/dev/tokens?user=association-75");

    for (var response : List.of(unknown, associationWithoutOne)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  private static String accessToken(HttpResponse<String> response) {
    Matcher matcher = ACCESS_TOKEN.matcher(response.body());
    assertThat(matcher.find()).as(response.body()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
