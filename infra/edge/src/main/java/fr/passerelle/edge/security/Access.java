package fr.passerelle.edge.security;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The checks a service makes itself, never trusting that the gateway made them: the caller holds
 * one of the roles an operation allows, may act on the département the request names, and, if an
 * association, on its own dossiers only. A refusal is a 403 problem.
 */
public class Access {

  /** The caller of the current request. */
  public PasserelleUser user() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return PasserelleUser.from(jwt.getToken());
    }
    throw new AccessDeniedException("No authenticated caller");
  }

  /**
   * Returns the caller when they hold one of {@code roles} and may act on {@code departmentCode}.
   */
  public PasserelleUser require(String departmentCode, Role... roles) {
    PasserelleUser user = user();
    if (Arrays.stream(roles).noneMatch(user::has)) {
      throw new AccessDeniedException("Role not allowed");
    }
    if (!user.actsOn(departmentCode)) {
      throw new AccessDeniedException("Département not allowed");
    }
    return user;
  }

  /**
   * For an association, refuses what belongs to another association; other roles pass (their
   * département was checked by {@link #require}).
   */
  public void requireOwnAssociation(PasserelleUser user, String associationId) {
    if (user.has(Role.ASSOCIATION)
        && !isStaff(user)
        && (user.associationId() == null || !user.associationId().equals(associationId))) {
      throw new AccessDeniedException("Another association's dossier");
    }
  }

  private static boolean isStaff(PasserelleUser user) {
    return user.has(Role.SECRETARIAT) || user.has(Role.PREFECTURE) || user.has(Role.ADMIN);
  }
}
