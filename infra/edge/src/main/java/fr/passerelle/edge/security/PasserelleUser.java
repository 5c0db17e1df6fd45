package fr.passerelle.edge.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as their token says: who ({@code sub}), their roles ({@code roles}), the départements
 * they may act on ({@code departements}, {@code *} for national roles) and, for an association,
 * which one ({@code association}).
 */
public record PasserelleUser(
    String username, Set<Role> roles, Set<String> departements, String associationId) {

  public static final String ROLES = "roles";
  public static final String DEPARTEMENTS = "departements";
  public static final String ASSOCIATION = "association";
  public static final String EVERY_DEPARTEMENT = "*";

  public static PasserelleUser from(Jwt jwt) {
    return new PasserelleUser(
        jwt.getSubject(),
        roles(jwt.getClaimAsStringList(ROLES)),
        Set.copyOf(orEmpty(jwt.getClaimAsStringList(DEPARTEMENTS))),
        jwt.getClaimAsString(ASSOCIATION));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean actsOn(String departmentCode) {
    return departements.contains(EVERY_DEPARTEMENT) || departements.contains(departmentCode);
  }

  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : orEmpty(names)) {
      for (Role role : Role.values()) {
        if (role.name().equals(name)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static <T> Collection<T> orEmpty(Collection<T> values) {
    return values == null ? List.of() : values;
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
