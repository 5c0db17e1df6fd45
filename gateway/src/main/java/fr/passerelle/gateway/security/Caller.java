package fr.passerelle.gateway.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as the token says (same claims as the services' {@code PasserelleUser}): {@code sub},
 * {@code roles}, {@code departements} ({@code *} for national roles).
 */
public record Caller(String subject, Set<String> roles, Set<String> departements) {

  public static final String ROLES = "roles";
  public static final String DEPARTEMENTS = "departements";
  public static final String ASSOCIATION = "association";
  public static final String EVERY_DEPARTEMENT = "*";

  public static Caller from(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        Set.copyOf(orEmpty(jwt.getClaimAsStringList(ROLES))),
        Set.copyOf(orEmpty(jwt.getClaimAsStringList(DEPARTEMENTS))));
  }

  public boolean isNational() {
    return departements.contains(EVERY_DEPARTEMENT);
  }

  public boolean actsOn(String departement) {
    return isNational() || departements.contains(departement);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
