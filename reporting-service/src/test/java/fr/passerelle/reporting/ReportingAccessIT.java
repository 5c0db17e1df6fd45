package fr.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.edge.security.Role;
import fr.passerelle.reporting.readmodel.ReadModelGenerations;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting rows of the access matrix (docs/security.md), route by route, role by role, on the
 * caller's own département and on another one, and with no or an invalid token: what the matrix
 * allows answers 200, anything else exactly 401 or 403 as a problem, so a request bypassing the
 * gateway gets nothing without a valid token. A rebuild is only ever refused here. The history read
 * is of a dossier submitted in the département before the tests.
 */
@ServiceIntegrationTest
class ReportingAccessIT {

  private static final String DEPARTEMENT = "48";
  private static final String OTHER_DEPARTEMENT = "31";
  private static final String EVERY_DEPARTEMENT = "*";

  private static final String DOSSIER = UUID.randomUUID().toString();
  private static final String HISTORY_ROUTE =
      "/api/departements/" + DEPARTEMENT + "/dossiers/" + DOSSIER + "/history";

  private static final Set<Role> DEPARTMENTAL_READERS =
      Set.of(Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR, Role.ANALYST, Role.ADMIN);
  private static final Set<Role> NATIONAL_READERS = Set.of(Role.ANALYST, Role.AUDITOR, Role.ADMIN);
  private static final Set<Role> HISTORY_READERS =
      Set.of(Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR);
  private static final Set<Role> VERIFIERS = Set.of(Role.AUDITOR, Role.ADMIN);

  /** Each route of one département, and who may call it there. */
  private static final Map<String, Set<Role>> DEPARTMENTAL_ROUTES =
      Map.of(
          "/api/departements/" + DEPARTEMENT + "/reports/review?year=2031",
          DEPARTMENTAL_READERS,
          "/api/departements/" + DEPARTEMENT + "/reports/review.csv?year=2031",
          DEPARTMENTAL_READERS,
          "/api/departements/" + DEPARTEMENT + "/reports/dossiers",
          DEPARTMENTAL_READERS,
          HISTORY_ROUTE,
          HISTORY_READERS,
          "/api/departements/" + DEPARTEMENT + "/audit/verify",
          VERIFIERS);

  /** Each route of every département, and who may call it with {@code *}. */
  private static final Map<String, Set<Role>> NATIONAL_ROUTES =
      Map.of("/api/reports/national?year=2031", NATIONAL_READERS, "/api/audit/verify", VERIFIERS);

  private static final String READ_MODELS_ROUTE = "/admin/read-models";
  private static final String REBUILD_ROUTE = "/admin/read-models/rebuild";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired ReadModelGenerations generations;

  /** One call: who, what, and the status the matrix gives it. */
  record Call(String caller, boolean post, String path, Supplier<String> token, int status) {

    @Override
    public String toString() {
      return "%s: %s %s -> %d".formatted(caller, post ? "POST" : "GET", path, status);
    }
  }

  @BeforeAll
  static void aDossierOfTheDepartementWasSubmitted() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    EventContract submitted = EventContract.of(DossierSubmitted.TYPE);
    String json =
        submitted
            .goldenSample()
            .replace("5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11", DOSSIER)
            .replace("\"departmentCode\": \"31\"", "\"departmentCode\": \"" + DEPARTEMENT + "\"");
    submitted.assertValid(json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), DossierSubmitted.TYPE, DOSSIER, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRouteForEveryCaller")
  void theMatrixDecides(Call call) {
    List<ReadModelGenerations.Generation> generationsBefore = generations.all();
    TestHttp http = TestHttp.onPort(port);
    if (call.token() != null) {
      http = http.as(call.token().get());
    }
    TestHttp caller = http;

    HttpResponse<String> response =
        call.post()
            ? http.postJson(call.path(), "")
            : call.status() == 200
                // the dossier's history appears once reporting has received its submission
                ? await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> caller.get(call.path()), r -> r.statusCode() != 404)
                : http.get(call.path());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(call.status());
    if (call.status() == 200) {
      assertThat(contentType(response)).doesNotStartWith("application/problem+json");
      return;
    }
    assertThat(contentType(response)).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(call.status());
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(response.body())
        .doesNotContain(
            "dossiersStudied", "submittedDossiers", "generations", "entries", "globalBreak");
    if (call.status() == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    assertThat(generations.all()).as("a refusal changes nothing").isEqualTo(generationsBefore);
  }

  static Stream<Call> everyRouteForEveryCaller() {
    Stream.Builder<Call> calls = Stream.builder();
    for (Role role : Role.values()) {
      DEPARTMENTAL_ROUTES.forEach(
          (route, readers) -> {
            calls.add(get(role, List.of(DEPARTEMENT), route, readers.contains(role) ? 200 : 403));
            calls.add(get(role, List.of(OTHER_DEPARTEMENT), route, 403));
          });
      NATIONAL_ROUTES.forEach(
          (route, readers) -> {
            calls.add(
                get(role, List.of(EVERY_DEPARTEMENT), route, readers.contains(role) ? 200 : 403));
            calls.add(get(role, List.of(OTHER_DEPARTEMENT, DEPARTEMENT), route, 403));
          });

      boolean admin = role == Role.ADMIN;
      calls.add(get(role, List.of(EVERY_DEPARTEMENT), READ_MODELS_ROUTE, admin ? 200 : 403));
      calls.add(get(role, List.of(OTHER_DEPARTEMENT), READ_MODELS_ROUTE, admin ? 200 : 403));
      if (!admin) {
        calls.add(refusedRebuild(role, List.of(EVERY_DEPARTEMENT)));
        calls.add(refusedRebuild(role, List.of(OTHER_DEPARTEMENT)));
      }
    }
    List<String> everyRoute =
        Stream.of(
                DEPARTMENTAL_ROUTES.keySet().stream(),
                NATIONAL_ROUTES.keySet().stream(),
                Stream.of(READ_MODELS_ROUTE, REBUILD_ROUTE))
            .flatMap(routes -> routes)
            .sorted()
            .toList();
    for (String route : everyRoute) {
      boolean post = route.equals(REBUILD_ROUTE);
      // Even an ADMIN's token with every département: invalid is invalid.
      calls.add(new Call("no token", post, route, null, 401));
      calls.add(
          new Call(
              "expired token",
              post,
              route,
              () -> TestTokens.expired("ADMIN", EVERY_DEPARTEMENT),
              401));
      calls.add(
          new Call(
              "token signed by another key",
              post,
              route,
              () -> TestTokens.signedByAnotherKey("ADMIN", EVERY_DEPARTEMENT),
              401));
      calls.add(
          new Call(
              "token for another audience",
              post,
              route,
              () -> TestTokens.forAnotherAudience("ADMIN", EVERY_DEPARTEMENT),
              401));
    }
    return calls.build();
  }

  private static Call get(Role role, List<String> departements, String route, int status) {
    return new Call(caller(role, departements), false, route, token(role, departements), status);
  }

  private static Call refusedRebuild(Role role, List<String> departements) {
    return new Call(
        caller(role, departements), true, REBUILD_ROUTE, token(role, departements), 403);
  }

  private static String caller(Role role, List<String> departements) {
    return role + " on " + departements;
  }

  /** Minted when the call is made, so that no token expires while other test classes run. */
  private static Supplier<String> token(Role role, List<String> departements) {
    if (role == Role.ASSOCIATION) {
      return () -> TestTokens.association("access-it", departements.toArray(String[]::new));
    }
    return () ->
        TestTokens.token(role.name().toLowerCase() + "-user", List.of(role.name()), departements);
  }

  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
