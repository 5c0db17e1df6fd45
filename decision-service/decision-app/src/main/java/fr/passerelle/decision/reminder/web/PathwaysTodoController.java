package fr.passerelle.decision.reminder.web;

import fr.passerelle.decision.reminder.api.FindPathwaysTodoQuery;
import fr.passerelle.decision.reminder.api.TodoItem;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's to-do list of pathways in a département, as of today in that département: the
 * renewals due (the association for the pathways it accompanies; the secretariat and the préfecture
 * for all), the renewal requests awaiting a session (the secretariat), the requests awaiting the
 * préfet's decision (the préfecture). Ids and dates only.
 */
@RestController
class PathwaysTodoController {

  private final QueryGateway queries;
  private final Clock clock;

  PathwaysTodoController(QueryGateway queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping("/api/departements/{departmentCode}/pathways/todo")
  List<TodoItem> todo(@PathVariable String departmentCode, PasserelleUser caller) {
    boolean associationOnly = Routes.associationOnly(caller);
    if (associationOnly && caller.associationId() == null) {
      return List.of();
    }
    return queries
        .query(
            new FindPathwaysTodoQuery(
                departmentCode,
                caller.roles().stream().map(Role::name).collect(Collectors.toSet()),
                associationOnly ? caller.associationId() : null,
                DepartmentCode.today(departmentCode, clock)),
            ResponseTypes.multipleInstancesOf(TodoItem.class))
        .join();
  }
}
