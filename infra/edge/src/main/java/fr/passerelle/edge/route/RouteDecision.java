package fr.passerelle.edge.route;

import java.util.Map;

/** What the route table says of one call, before any ownership check. */
public sealed interface RouteDecision {

  /** The call is on {@code route}; {@code variables} are the path's values by name. */
  record Allowed(Route route, Map<String, String> variables) implements RouteDecision {

    public String departmentCode() {
      return variables.get(Route.DEPARTMENT_VARIABLE);
    }

    public String dossierId() {
      return variables.get(Route.DOSSIER_VARIABLE);
    }
  }

  /** The call is on {@code route}, but the caller may not make it, for {@code reason}. */
  record Refused(Route route, Map<String, String> variables, Reason reason)
      implements RouteDecision {

    public String departmentCode() {
      return variables.get(Route.DEPARTMENT_VARIABLE);
    }

    public String dossierId() {
      return variables.get(Route.DOSSIER_VARIABLE);
    }
  }

  /** No route of the table has this method and path: refused by default, as a 404. */
  record Unknown() implements RouteDecision {}

  /** Why a call was refused, in the order the checks are made. */
  enum Reason {
    /** The caller does not act on the département of the path (or on every one, for national). */
    DEPARTEMENT,
    /** The caller holds none of the roles allowed. */
    ROLE,
    /** An association reaching a dossier another association accompanies. */
    ASSOCIATION
  }
}
