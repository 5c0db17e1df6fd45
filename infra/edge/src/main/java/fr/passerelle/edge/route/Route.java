package fr.passerelle.edge.route;

import fr.passerelle.edge.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One line of the access matrix: an operation of the public API, the service that answers it, who
 * may call it and how far their reach goes. The gateway and the service both enforce it from this
 * one record.
 *
 * @param operation what the call does, as docs/security.md names it
 * @param method the HTTP method
 * @param path the path template; {@code {departmentCode}} and {@code {dossierId}} have their
 *     meaning for the checks
 * @param service the service that answers
 * @param roles the roles allowed (any one suffices)
 * @param scope one département's data, or every département's
 * @param ownership what an association may reach
 * @param personalData whether calls (and refused attempts) go to the access log
 */
public record Route(
    String operation,
    HttpMethod method,
    String path,
    ServiceName service,
    Set<Role> roles,
    Scope scope,
    Ownership ownership,
    PersonalData personalData) {

  public static final String DEPARTMENT_VARIABLE = "departmentCode";
  public static final String DOSSIER_VARIABLE = "dossierId";

  private static final PathPatternParser PARSER = new PathPatternParser();

  public Route {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (roles.isEmpty()) {
      throw new IllegalArgumentException(operation + ": a route allows at least one role");
    }
    PathPattern pattern = PARSER.parse(path);
    boolean namesDepartment = path.contains("{" + DEPARTMENT_VARIABLE + "}");
    if ((scope == Scope.DEPARTEMENT) != namesDepartment) {
      throw new IllegalArgumentException(
          operation + ": a départemental route names {departmentCode}, a national one does not");
    }
    if (ownership == Ownership.OWN_DOSSIER && !path.contains("{" + DOSSIER_VARIABLE + "}")) {
      throw new IllegalArgumentException(operation + ": OWN_DOSSIER needs {dossierId}");
    }
    if (pattern.getPatternString().isEmpty()) {
      throw new IllegalArgumentException(operation + ": empty path");
    }
  }

  /** Whether {@code role} is one of the roles allowed. */
  public boolean allows(Role role) {
    return roles.contains(role);
  }
}
