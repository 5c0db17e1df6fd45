package fr.passerelle.fuzz;

import fr.passerelle.edge.route.Route;
import fr.passerelle.edge.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.json.JsonMapper;

/** The parts of a fuzzed request, each drawn from what the route and its document allow. */
final class Requests {

  record Caller(String name, String token) {}

  record Part(String value, String variation) {}

  record Body(String contentType, byte[] bytes, String variation) {}

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  /** An unsigned token ({@code alg: none}) claiming to be an administrator of every département. */
  private static final String UNSIGNED =
      "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl0sImRlcGFydGVtZW50cyI6WyIqIl0sImF1ZCI6InBhc3NlcmVsbGUiLCJleHAiOjQxMDI0NDQ4MDB9.";

  private Requests() {}

  /** Path segments no valid request holds, already percent-encoded where they must be. */
  /**
   * The ids a path variable may hold: those of the world, or, for a kind it holds none of (an
   * employment, a training, a payment run...), a well-formed one it does not hold, so that the
   * request reaches the domain's refusal.
   */
  private static List<String> pathIds(World world, String name) {
    List<String> ids = world.ids(name);
    return ids.isEmpty() ? List.of(UUID.randomUUID().toString()) : ids;
  }

  static Arbitrary<String> hostileSegment() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "%00",
            "..",
            "%2e%2e",
            "%2F",
            "a%20b",
            "%C3%A9",
            "%FF%FE",
            "%",
            "%zz",
            "null",
            "-1",
            "0",
            "00",
            "2C",
            "999",
            "31%0A",
            "%27%20OR%201%3D1",
            "%7BdossierId%7D",
            "%E2%80%AE31",
            "%F0%9F%92%A9",
            "a".repeat(5_000),
            ";jsessionid=1",
            "31;x=1"),
        Arbitraries.strings()
            .all()
            .ofMinLength(1)
            .ofMaxLength(40)
            .map(s -> Gateway.encode(s).replace("+", "%20")));
  }

  /**
   * A caller for route {@code route} in département {@code departement}: mostly one of the roles
   * the route allows (an association with its own association), else another role, the same role
   * elsewhere, a national role, a forged or unsigned token, or none.
   */
  static Arbitrary<Caller> caller(Route route, String departement, World world, Gateway gateway) {
    List<Role> allowed = new ArrayList<>(route.roles());
    String home = World.DEPARTEMENTS.contains(departement) ? departement : "31";
    Arbitrary<Caller> allowedRole =
        Arbitraries.of(allowed).map(role -> demoUser(role, home, world, gateway));
    Arbitrary<Caller> anyRole =
        Arbitraries.of(Role.values()).map(role -> demoUser(role, home, world, gateway));
    Arbitrary<Caller> elsewhere =
        Arbitraries.of(allowed)
            .map(role -> demoUser(role, home.equals("31") ? "75" : "31", world, gateway));
    return Arbitraries.frequencyOf(
        Tuple.of(12, allowedRole),
        Tuple.of(3, anyRole),
        Tuple.of(2, elsewhere),
        Tuple.of(
            1,
            Arbitraries.of(
                new Caller("none", null),
                new Caller("forged", "not.a.token"),
                new Caller("unsigned", UNSIGNED),
                new Caller("empty", ""))),
        Tuple.of(
            1,
            Arbitraries.just("association-" + home)
                .map(
                    user ->
                        new Caller(
                            user + "/other-association",
                            gateway.token(
                                user, UUID.nameUUIDFromBytes(user.getBytes()).toString())))));
  }

  private static Caller demoUser(Role role, String departement, World world, Gateway gateway) {
    String user =
        switch (role) {
          case ADMIN, ANALYST -> role.name().toLowerCase(Locale.ROOT);
          default -> role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + departement;
        };
    if (role.name().equals("MONITORING")) {
      user = "monitoring";
    }
    String association =
        role == Role.ASSOCIATION
            ? world.associations.getOrDefault(departement, UUID.randomUUID().toString())
            : null;
    return new Caller(user, gateway.token(user, association));
  }

  /** The route's path with its variables filled: real ids mostly, hostile segments sometimes. */
  static Arbitrary<Part> path(Route route, World world) {
    Matcher variables = VARIABLE.matcher(route.path());
    List<String> names = new ArrayList<>();
    while (variables.find()) {
      names.add(variables.group(1));
    }
    List<Arbitrary<String>> values = new ArrayList<>();
    for (String name : names) {
      if (name.equals(Route.DEPARTMENT_VARIABLE)) {
        values.add(Arbitraries.just("{" + name + "}"));
      } else {
        values.add(
            Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(pathIds(world, name))), Tuple.of(2, hostileSegment())));
      }
    }
    Arbitrary<String> suffix =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.just("")),
            Tuple.of(1, Arbitraries.of("/", "//", "/.", "/%2e", "%20", "/x", ".json", ";a=b")));
    Arbitrary<List<String>> filled =
        values.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(values).as(l -> l);
    return Combinators.combine(filled, suffix)
        .as(
            (vals, end) -> {
              String path = route.path();
              for (int i = 0; i < names.size(); i++) {
                path = path.replace("{" + names.get(i) + "}", vals.get(i));
              }
              boolean hostile =
                  !end.isEmpty()
                      || vals.stream()
                          .anyMatch(
                              v ->
                                  !world.ids("dossierId").contains(v)
                                      && !world.ids("sessionId").contains(v)
                                      && !v.startsWith("{"));
              return new Part(path + end, hostile ? "path varied" : "path valid");
            });
  }

  /**
   * Query parameters of the document: absent, valid, hostile; and sometimes one it does not name.
   */
  static Arbitrary<Part> query(ApiDocument.Operation operation, JsonValues values) {
    List<Arbitrary<String>> parameters = new ArrayList<>();
    for (ApiDocument.Parameter parameter : operation.query()) {
      String name = parameter.name();
      Arbitrary<String> valid =
          values
              .valid(parameter.schema(), name)
              .map(v -> name + "=" + Gateway.encode(v.toString()));
      if (name.equals("year")) {
        valid = Arbitraries.integers().between(2000, 2100).map(y -> "year=" + y);
      }
      Arbitrary<String> hostile =
          Arbitraries.oneOf(
              JsonValues.hostile()
                  .filter(v -> !(v instanceof List<?>) || ((List<?>) v).size() < 50)
                  .map(v -> name + "=" + Gateway.encode(String.valueOf(v))),
              Arbitraries.of(
                  name + "=",
                  name,
                  name + "=%",
                  name + "=%zz",
                  name + "=1&" + name + "=2",
                  name + "=99999999999999999999",
                  name + "=-2147483649",
                  name + "=1e9"));
      parameters.add(
          Arbitraries.frequencyOf(
              Tuple.of(3, Arbitraries.just("")), Tuple.of(4, valid), Tuple.of(3, hostile)));
    }
    Arbitrary<String> extra =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.just("")),
            Tuple.of(1, Arbitraries.of("unknown=1", "year=abc", "%=x", "a[b]=c", "=")));
    Arbitrary<List<String>> all =
        parameters.isEmpty()
            ? Arbitraries.just(List.of())
            : Combinators.combine(parameters).as(l -> l);
    return Combinators.combine(all, extra)
        .as(
            (list, more) -> {
              List<String> present =
                  new ArrayList<>(list.stream().filter(p -> !p.isEmpty()).toList());
              if (!more.isEmpty()) {
                present.add(more);
              }
              return new Part(
                  present.isEmpty() ? "" : "?" + String.join("&", present),
                  present.isEmpty() ? "no query" : "query " + present.size());
            });
  }

  /**
   * A body: with a schema, valid, valid with one thing wrong, a hostile value instead, or bytes
   * that are not JSON; without one, mostly none.
   */
  static Arbitrary<Body> body(ApiDocument.Operation operation, JsonValues values, JsonMapper json) {
    Arbitrary<Body> raw =
        Arbitraries.of(
                "",
                "{",
                "}",
                "[]",
                "null",
                "\"x\"",
                "{\"a\":}",
                "{\"dossierId\":\"\\ud800\"}",
                "{\"months\":1e99999}",
                "{\"a\":1,\"a\":2}",
                "[".repeat(50_000),
                "{\"x\":\"" + "a".repeat(300_000) + "\"}",
                "\uFEFF{}",
                "<?xml version=\"1.0\"?><a/>",
                "\u0000\u0001\u0002")
            .flatMap(
                text ->
                    Arbitraries.of(
                            "application/json",
                            "application/json; charset=ISO-8859-1",
                            "text/plain",
                            "application/xml",
                            "multipart/form-data; boundary=x",
                            "application/x-www-form-urlencoded")
                        .injectNull(0.1)
                        .map(
                            type ->
                                new Body(
                                    type,
                                    text.getBytes(StandardCharsets.UTF_8),
                                    "raw body " + Math.min(text.length(), 20) + " chars")));
    Arbitrary<Body> invalidBytes =
        Arbitraries.just(
            new Body(
                "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
                "invalid UTF-8"));
    if (operation.bodySchema() == null) {
      return Arbitraries.frequencyOf(
          Tuple.of(
              8,
              Arbitraries.of(
                  new Body(null, null, "no body"),
                  new Body(
                      "application/json", "{}".getBytes(StandardCharsets.UTF_8), "empty object"))),
          Tuple.of(1, raw),
          Tuple.of(1, JsonValues.hostile().map(v -> json(json, v, "hostile body"))));
    }
    Arbitrary<Object> valid = values.valid(operation.bodySchema(), null);
    return Arbitraries.frequencyOf(
        Tuple.of(3, valid.map(v -> json(json, v, "valid body"))),
        Tuple.of(5, JsonValues.broken(valid).map(v -> json(json, v, "broken body"))),
        Tuple.of(1, JsonValues.hostile().map(v -> json(json, v, "hostile body"))),
        Tuple.of(1, Arbitraries.oneOf(raw, invalidBytes)));
  }

  private static Body json(JsonMapper json, Object value, String variation) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(value);
    } catch (RuntimeException e) {
      bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
      variation = variation + " (not serialisable, sent as text)";
    }
    return new Body("application/json", bytes, variation);
  }

  /** The route's method mostly; sometimes another, to try the table's edges. */
  static Arbitrary<String> method(Route route) {
    return Arbitraries.frequencyOf(
        Tuple.of(19, Arbitraries.just(route.method().name())),
        Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")));
  }
}
