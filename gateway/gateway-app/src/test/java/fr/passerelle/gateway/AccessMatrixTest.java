package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.Role;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The route table ({@link Routes}, from which docs/security.md is generated), line by line: every
 * route × every role × the caller's scope (the path's département, another one, national {@code *})
 * and every kind of bad token. Allowed calls reach the right service with the token relayed; any
 * other gets exactly 401 or 403 as a problem, and no service receives anything.
 */
class AccessMatrixTest extends GatewayTest {

  private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

  /**
   * The route table with the path's values filled in (département 31), and paths the gateway routes
   * to a service but that no line of the table opens: nobody may call those.
   */
  private static final List<Route> MATRIX =
      Routes.all().stream()
          .map(
              route ->
                  new Route(
                      route.method().name(),
                      route
                          .path()
                          .replaceAll("\\{departmentCode}", "31")
                          .replaceAll("\\{[a-zA-Z]+}", "x-1"),
                      route.service().applicationName().replace("-service", ""),
                      route.roles().stream().map(Role::name).collect(Collectors.toSet()),
                      route.scope() == fr.passerelle.edge.route.Scope.NATIONAL))
          .toList();

  /** Paths the gateway routes to a service but that no line of the table opens. */
  private static final List<String> NO_LINE =
      List.of(
          "DELETE /api/departements/31/dossiers/d-1",
          "GET /api/departements/31/commission/sessions",
          "GET /api/departements/31/dossiers/d-1/identity",
          "GET /api/departements/31/reports/dossiers.csv");

  record Route(String method, String path, String service, Set<String> roles, boolean national) {}

  /** The caller's départements relative to the path's (31). */
  enum Scope {
    OWN("31"),
    OTHER("75"),
    NATIONAL("*");

    final String departements;

    Scope(String departements) {
      this.departements = departements;
    }
  }

  static Stream<Arguments> validTokens() {
    List<Arguments> cases = new ArrayList<>();
    for (Route route : MATRIX) {
      for (String role : ROLES) {
        for (Scope scope : Scope.values()) {
          boolean allowed =
              route.roles().contains(role)
                  && (route.national() ? scope == Scope.NATIONAL : scope != Scope.OTHER);
          cases.add(
              Arguments.of(route.method(), route.path(), route.service(), role, scope, allowed));
        }
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> badTokens() {
    List<Arguments> cases = new ArrayList<>();
    for (Route route : MATRIX) {
      String role = route.roles().isEmpty() ? "ADMIN" : route.roles().iterator().next();
      String departement = route.national() ? "*" : "31";
      cases.add(Arguments.of(route.method(), route.path(), "none", null));
      cases.add(
          Arguments.of(
              route.method(), route.path(), "expired", TestTokens.expired(role, departement)));
      cases.add(
          Arguments.of(
              route.method(),
              route.path(),
              "bad signature",
              TestTokens.signedByAnotherKey(role, departement)));
      cases.add(
          Arguments.of(
              route.method(),
              route.path(),
              "wrong audience",
              TestTokens.forAnotherAudience(role, departement)));
      cases.add(
          Arguments.of(
              route.method(),
              route.path(),
              "no expiry",
              TestTokens.withoutExpiry(role, departement)));
      cases.add(Arguments.of(route.method(), route.path(), "not a JWT", "not-a-jwt"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} as {3} ({4}): allowed={5}")
  @MethodSource("validTokens")
  void validTokensAreCheckedAgainstTheMatrix(
      String method, String path, String service, String role, Scope scope, boolean allowed)
      throws Exception {
    String token = token(role, scope.departements);
    String requestId = newRequestId();

    var response = send(method, path, token, Map.of("X-Request-Id", requestId));

    if (allowed) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(StubServices.withRequestId(requestId))
          .singleElement()
          .satisfies(
              received -> {
                assertThat(received.service()).isEqualTo(service);
                assertThat(received.method()).isEqualTo(method);
                assertThat(received.path()).isEqualTo(path);
                assertThat(received.authorization()).isEqualTo("Bearer " + token);
              });
    } else {
      assertProblem(response, 403, "Accès refusé", "urn:passerelle:probleme:acces-refuse");
      assertThat(StubServices.withRequestId(requestId)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} {1} with {2} token: 401")
  @MethodSource("badTokens")
  void badOrMissingTokensAreUnauthenticated(String method, String path, String kind, String token)
      throws Exception {
    String requestId = newRequestId();

    var response = send(method, path, token, Map.of("X-Request-Id", requestId));

    assertProblem(
        response,
        401,
        "Authentification requise",
        "urn:passerelle:probleme:authentification-requise");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(StubServices.withRequestId(requestId)).isEmpty();
  }

  static Stream<Arguments> callsNoLineOpens() {
    return NO_LINE.stream()
        .flatMap(
            call ->
                ROLES.stream()
                    .map(role -> Arguments.of(call.split(" ")[0], call.split(" ")[1], role)));
  }

  @ParameterizedTest(name = "{0} {1} as {2}: 404, never forwarded")
  @MethodSource("callsNoLineOpens")
  void callsNoRouteOpensAreNotFoundAndNeverForwarded(String method, String path, String role)
      throws Exception {
    String requestId = newRequestId();

    var response = send(method, path, token(role, "*"), Map.of("X-Request-Id", requestId));

    assertProblem(
        response, 404, "Ressource introuvable", "urn:passerelle:probleme:ressource-introuvable");
    assertThat(StubServices.withRequestId(requestId)).isEmpty();
  }

  static void assertProblem(HttpResponse<String> response, int status, String title, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"title\":\"" + title + "\"", "\"type\":\"" + type + "\"")
        .contains("\"status\":" + status);
  }
}
