package fr.passerelle.edge.route;

import fr.passerelle.edge.security.PasserelleUser;
import java.util.Map;

/**
 * A call the route guard let through: who makes it, on which route, with the path's values. Kept on
 * the request for the controller (a {@link PasserelleUser} parameter) and the access log.
 */
public record Caller(PasserelleUser user, Route route, Map<String, String> variables) {

  static final String ATTRIBUTE = Caller.class.getName();

  public String departmentCode() {
    return variables.get(Route.DEPARTMENT_VARIABLE);
  }
}
