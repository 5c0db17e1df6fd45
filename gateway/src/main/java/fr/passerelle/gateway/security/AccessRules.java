package fr.passerelle.gateway.security;

import static fr.passerelle.edge.security.Role.ADMIN;
import static fr.passerelle.edge.security.Role.ANALYST;
import static fr.passerelle.edge.security.Role.ASSOCIATION;
import static fr.passerelle.edge.security.Role.AUDITOR;
import static fr.passerelle.edge.security.Role.PAYING_BODY;
import static fr.passerelle.edge.security.Role.PREFECTURE;
import static fr.passerelle.edge.security.Role.SECRETARIAT;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access matrix of docs/security.md, as the gateway enforces it: method + path pattern → the
 * roles allowed, and the département of the path ({@code {d}}) must be one of the caller's (or
 * {@code *}); the national review needs {@code *}. What the gateway cannot know (an association's
 * own dossiers) the services check. Any other call under the routed API prefixes is refused.
 */
public final class AccessRules {

  /** The paths the gateway routes to the services: only the rules below open them. */
  public static final List<String> GUARDED_PREFIXES =
      List.of("/api/departements/**", "/api/reports/**");

  private static final String DEPARTEMENT = "/api/departements/{d}";

  private static final PathPatternParser PARSER = new PathPatternParser();

  private static final List<Rule> RULES =
      List.of(
          rule(HttpMethod.POST, DEPARTEMENT + "/associations", PREFECTURE, ADMIN),
          rule(
              HttpMethod.GET,
              DEPARTEMENT + "/associations",
              ASSOCIATION,
              SECRETARIAT,
              PREFECTURE,
              ADMIN),
          rule(HttpMethod.POST, DEPARTEMENT + "/dossiers", ASSOCIATION),
          rule(HttpMethod.PUT, DEPARTEMENT + "/dossiers/{id}", ASSOCIATION),
          rule(HttpMethod.POST, DEPARTEMENT + "/dossiers/{id}/submission", ASSOCIATION),
          rule(HttpMethod.POST, DEPARTEMENT + "/dossiers/{id}/withdrawal", ASSOCIATION),
          rule(
              HttpMethod.GET,
              DEPARTEMENT + "/dossiers/{id}",
              ASSOCIATION,
              SECRETARIAT,
              PREFECTURE,
              AUDITOR),
          rule(
              HttpMethod.GET,
              DEPARTEMENT + "/dossiers",
              ASSOCIATION,
              SECRETARIAT,
              PREFECTURE,
              AUDITOR),
          rule(HttpMethod.GET, DEPARTEMENT + "/access-log", AUDITOR),
          rule(
              HttpMethod.GET,
              DEPARTEMENT + "/commission/pending-dossiers",
              SECRETARIAT,
              PREFECTURE),
          rule(HttpMethod.POST, DEPARTEMENT + "/commission/sessions", SECRETARIAT),
          rule(HttpMethod.POST, DEPARTEMENT + "/commission/sessions/{id}/agenda", SECRETARIAT),
          rule(HttpMethod.POST, DEPARTEMENT + "/commission/sessions/{id}/opinions", SECRETARIAT),
          rule(HttpMethod.POST, DEPARTEMENT + "/prefecture/decisions", PREFECTURE),
          rule(
              HttpMethod.GET,
              DEPARTEMENT + "/beneficiaries/{id}",
              ASSOCIATION,
              PREFECTURE,
              PAYING_BODY,
              AUDITOR),
          rule(HttpMethod.POST, DEPARTEMENT + "/beneficiaries/{id}/employment", ASSOCIATION),
          rule(
              HttpMethod.GET,
              DEPARTEMENT + "/reports/**",
              SECRETARIAT,
              PREFECTURE,
              AUDITOR,
              ANALYST,
              ADMIN),
          new Rule(
              HttpMethod.GET,
              PARSER.parse("/api/reports/national"),
              Set.of(ANALYST, AUDITOR, ADMIN),
              true));

  private static final List<PathPattern> GUARDED =
      GUARDED_PREFIXES.stream().map(PARSER::parse).toList();

  private AccessRules() {}

  /** One line of the matrix. */
  record Rule(HttpMethod method, PathPattern pattern, Set<Role> roles, boolean national) {

    boolean allows(PasserelleUser caller, PathPattern.PathMatchInfo match) {
      if (roles.stream().noneMatch(caller::has)) {
        return false;
      }
      if (national) {
        return caller.departements().contains(PasserelleUser.EVERY_DEPARTEMENT);
      }
      String departement = match.getUriVariables().get("d");
      return departement != null && caller.actsOn(departement);
    }
  }

  /**
   * Whether {@code caller} may make this call: {@code Optional.empty()} when the path is outside
   * the routed API (the gateway then refuses it: only the public paths and the actuator have rules
   * of their own).
   */
  public static Optional<Boolean> decide(PasserelleUser caller, HttpMethod method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Rule rule : RULES) {
      if (rule.method().equals(method)) {
        PathPattern.PathMatchInfo match = rule.pattern().matchAndExtract(container);
        if (match != null) {
          return Optional.of(rule.allows(caller, match));
        }
      }
    }
    if (GUARDED.stream().anyMatch(pattern -> pattern.matches(container))) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static Rule rule(HttpMethod method, String pattern, Role... roles) {
    return new Rule(method, PARSER.parse(pattern), Set.of(roles), false);
  }
}
