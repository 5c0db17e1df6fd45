package fr.passerelle.edge.route;

import fr.passerelle.edge.security.PasserelleUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A call the route guard let through: who makes it, on which route, with the path's values. Kept on
 * the request for the controller (a {@link PasserelleUser} parameter), the access log and the
 * metadata of the commands the call sends (who acted, in the events they cause).
 */
public record Caller(PasserelleUser user, Route route, Map<String, String> variables) {

  static final String ATTRIBUTE = Caller.class.getName();

  public String departmentCode() {
    return variables.get(Route.DEPARTMENT_VARIABLE);
  }

  /** The roles the caller acts under on this route: those of theirs the route allows, sorted. */
  public List<String> actingRoles() {
    return user.roles().stream().filter(route::allows).map(Enum::name).sorted().toList();
  }

  /** The call the route guard let through on the current thread, if it handles one. */
  public static Optional<Caller> current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    Object caller =
        attributes == null
            ? null
            : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return caller instanceof Caller checked ? Optional.of(checked) : Optional.empty();
  }
}
